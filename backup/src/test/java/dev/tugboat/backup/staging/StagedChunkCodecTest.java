package dev.tugboat.backup.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.junit.jupiter.api.Test;

class StagedChunkCodecTest {

  private static final String CHUNK = "backups/nightly/staging/run-1/pods@shop/000003";

  @Test
  void itemsComeBackInOrderWithEveryFieldAndUnusualNames() throws IOException {
    List<StagedItem> items =
        List.of(
            item("pods", "v1", "Pod", "shop", "web-0", "{\"a\":1}"),
            item("roles.rbac.authorization.k8s.io", "v1", "Role", "shop", "system:reader", "{}"),
            item("widgets.example.com", "v1beta1", "Widget", "", "a b\n\"c\"\\d é 日本 😀", "{}"),
            item("configmaps", "v1", "ConfigMap", "shop", "x", "{\"text\":\"line\\nnext é\"}"));

    List<StagedItem> read = new ArrayList<>();
    int count = StagedChunkCodec.read(encode(items), read::add, CHUNK);

    assertThat(count).isEqualTo(4);
    assertThat(read).hasSize(4);
    for (int i = 0; i < items.size(); i++) {
      assertSameItem(read.get(i), items.get(i));
    }
  }

  @Test
  void anEmptyChunkReadsAsNoItems() throws IOException {
    List<StagedItem> read = new ArrayList<>();

    assertThat(StagedChunkCodec.read(encode(List.of()), read::add, CHUNK)).isZero();
    assertThat(read).isEmpty();
  }

  @Test
  void aLargeObjectSurvivesWhole() throws IOException {
    char[] filler = new char[3_000_000];
    Arrays.fill(filler, 'x');
    String json = "{\"data\":\"" + new String(filler) + "\"}";
    StagedItem big = item("configmaps", "v1", "ConfigMap", "shop", "big", json);

    List<StagedItem> read = new ArrayList<>();
    StagedChunkCodec.read(encode(List.of(big, big)), read::add, CHUNK);

    assertThat(read).hasSize(2);
    assertSameItem(read.get(1), big);
  }

  @Test
  void aChunkCutShortIsRefusedNamingIt() throws IOException {
    ByteArrayInputStream whole =
        encode(List.of(item("pods", "v1", "Pod", "shop", "web-0", "{\"a\":1}")));
    byte[] cut = Arrays.copyOf(whole.readAllBytes(), 20);

    assertThatThrownBy(
            () -> StagedChunkCodec.read(new ByteArrayInputStream(cut), item -> {}, CHUNK))
        .isInstanceOf(IOException.class)
        .hasMessage("staged chunk " + CHUNK + " is cut short");
  }

  @Test
  void aChunkCutInsideItsMagicNumberIsRefusedNamingIt() {
    byte[] cut = {0x54, 0x42};

    assertThatThrownBy(
            () -> StagedChunkCodec.read(new ByteArrayInputStream(cut), item -> {}, CHUNK))
        .isInstanceOf(IOException.class)
        .hasMessage("staged chunk " + CHUNK + " is cut short");
  }

  @Test
  void aChunkWhoseRecordsStopBeforeTheEndMarkIsRefusedNamingIt() throws IOException {
    byte[] whole =
        encode(List.of(item("pods", "v1", "Pod", "shop", "web-0", "{\"a\":1}"))).readAllBytes();
    // everything but the end mark, the count and the checksum
    byte[] cut = Arrays.copyOf(whole, whole.length - 12);

    assertThatThrownBy(
            () -> StagedChunkCodec.read(new ByteArrayInputStream(cut), item -> {}, CHUNK))
        .isInstanceOf(IOException.class)
        .hasMessage("staged chunk " + CHUNK + " is cut short");
  }

  @Test
  void aChunkThatIsNotAStagedChunkIsRefusedNamingIt() {
    byte[] garbage = "not a chunk at all".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> StagedChunkCodec.read(new ByteArrayInputStream(garbage), item -> {}, CHUNK))
        .isInstanceOf(IOException.class)
        .hasMessage("staged chunk " + CHUNK + " is damaged: not a staged chunk");
  }

  @Test
  void aChunkWithAFlippedByteIsRefusedNamingIt() throws IOException {
    byte[] bytes =
        encode(List.of(item("pods", "v1", "Pod", "shop", "web-0", "{\"a\":1}"))).readAllBytes();
    int inTheJson = bytes.length - 14;
    bytes[inTheJson] ^= 0x01;

    assertThatThrownBy(
            () -> StagedChunkCodec.read(new ByteArrayInputStream(bytes), item -> {}, CHUNK))
        .isInstanceOf(IOException.class)
        .hasMessage("staged chunk " + CHUNK + " is damaged: wrong checksum");
  }

  @Test
  void aChunkWithAWrongFinalCountIsRefusedNamingIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CheckedOutputStream checked = new CheckedOutputStream(bytes, new CRC32());
    try (DataOutputStream data = new DataOutputStream(checked)) {
      data.writeInt(0x54425331);
      data.writeInt(2);
      for (String field : List.of("pods", "v1", "Pod", "shop", "web-0")) {
        data.writeUTF(field);
      }
      data.write("{}".getBytes(StandardCharsets.UTF_8));
      data.writeInt(-1);
      data.writeInt(3);
      data.writeInt((int) checked.getChecksum().getValue());
    }
    List<StagedItem> read = new ArrayList<>();

    assertThatThrownBy(
            () ->
                StagedChunkCodec.read(
                    new ByteArrayInputStream(bytes.toByteArray()), read::add, CHUNK))
        .isInstanceOf(IOException.class)
        .hasMessage("staged chunk " + CHUNK + " holds 1 items, not 3");
  }

  static StagedItem item(
      String groupResource,
      String version,
      String kind,
      String namespace,
      String name,
      String json) {
    return new StagedItem(
        groupResource, version, kind, namespace, name, json.getBytes(StandardCharsets.UTF_8));
  }

  static void assertSameItem(StagedItem actual, StagedItem expected) {
    assertThat(actual.groupResource()).isEqualTo(expected.groupResource());
    assertThat(actual.version()).isEqualTo(expected.version());
    assertThat(actual.kind()).isEqualTo(expected.kind());
    assertThat(actual.namespace()).isEqualTo(expected.namespace());
    assertThat(actual.name()).isEqualTo(expected.name());
    assertThat(actual.json()).isEqualTo(expected.json());
  }

  private static ByteArrayInputStream encode(List<StagedItem> items) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StagedChunkCodec.write(items, out);
    return new ByteArrayInputStream(out.toByteArray());
  }
}
