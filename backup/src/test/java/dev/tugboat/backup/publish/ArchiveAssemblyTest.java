package dev.tugboat.backup.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.archive.ArchiveReader;
import dev.tugboat.core.archive.ArchivedItem;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveAssemblyTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  private StagingArea staging;

  @BeforeEach
  void stage() throws IOException {
    staging = StagingArea.ofBackup(new LocalBackupStore(root), "nightly", "run-1");
    staging.writeChunk(
        "0000",
        0,
        List.of(
            item("pods", "v1", "Pod", "shop", "web-0"),
            item("pods", "v1", "Pod", "shop", "web-1")));
    staging.writeChunk("0000", 1, List.of(item("pods", "v1", "Pod", "admin", "tool")));
    staging.writeChunk("0000", 2, List.of(item("pods", "v1", "Pod", "shop", "stale")));
    staging.writeChunk(
        "0001", 0, List.of(item("deployments.apps", "v1", "Deployment", "shop", "web")));
    staging.writeChunk(
        "related", 0, List.of(item("persistentvolumes", "v1", "PersistentVolume", "", "pv-1")));
  }

  @Test
  void writesTheCommittedChunksOfEachSegmentInOrderAsVeleroItems() throws IOException {
    ArchiveAssembly assembly =
        new ArchiveAssembly(
            staging,
            List.of(
                new StagedSegment("0001", "deployments.apps", 1),
                new StagedSegment("0000", "pods", 2),
                new StagedSegment("related", "", 1)),
            CLOCK);

    byte[] archive = write(assembly);

    List<String> entries = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThat(reader.formatVersion()).contains("1.1.0");
      for (ArchivedItem item = reader.next(); item != null; item = reader.next()) {
        entries.add(item.path().entryName());
        contents.add(new String(item.json(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries)
        .containsExactly(
            "resources/deployments.apps/namespaces/shop/web.json",
            "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json",
            "resources/pods/namespaces/shop/web-0.json",
            "resources/pods/v1-preferredversion/namespaces/shop/web-0.json",
            "resources/pods/namespaces/shop/web-1.json",
            "resources/pods/v1-preferredversion/namespaces/shop/web-1.json",
            "resources/pods/namespaces/admin/tool.json",
            "resources/pods/v1-preferredversion/namespaces/admin/tool.json",
            "resources/persistentvolumes/cluster/pv-1.json",
            "resources/persistentvolumes/v1-preferredversion/cluster/pv-1.json");
    assertThat(contents.get(0)).isEqualTo(json("Deployment", "web"));
    assertThat(contents.get(9)).isEqualTo(json("PersistentVolume", "pv-1"));
    assertThat(assembly.itemCount()).isEqualTo(5);
  }

  @Test
  void theChecksumIsTheSha256OfTheBytesWritten() throws IOException {
    ArchiveAssembly assembly =
        new ArchiveAssembly(staging, List.of(new StagedSegment("0000", "pods", 3)), CLOCK);

    byte[] archive = write(assembly);

    assertThat(assembly.sha256()).isEqualTo(sha256(archive)).hasSize(64);
  }

  @Test
  void theResourceListNamesEachItemByApiVersionAndKind() throws IOException {
    ArchiveAssembly assembly =
        new ArchiveAssembly(
            staging,
            List.of(
                new StagedSegment("0000", "pods", 2),
                new StagedSegment("0001", "deployments.apps", 1),
                new StagedSegment("related", "", 1)),
            CLOCK);

    write(assembly);

    assertThat(Gunzip.text(assembly.resourceList()))
        .isEqualTo(
            "{\"apps/v1/Deployment\":[\"shop/web\"],"
                + "\"v1/PersistentVolume\":[\"pv-1\"],"
                + "\"v1/Pod\":[\"admin/tool\",\"shop/web-0\",\"shop/web-1\"]}\n");
  }

  @Test
  void noSegmentsMakeAnEmptyArchive() throws IOException {
    ArchiveAssembly assembly = new ArchiveAssembly(staging, List.of(), CLOCK);

    byte[] archive = write(assembly);

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThat(reader.formatVersion()).contains("1.1.0");
      assertThat(reader.next()).isNull();
    }
    assertThat(assembly.itemCount()).isZero();
    assertThat(Gunzip.text(assembly.resourceList())).isEqualTo("{}\n");
  }

  @Test
  void theChecksumIsUnknownBeforeTheArchiveIsWritten() {
    ArchiveAssembly assembly = new ArchiveAssembly(staging, List.of(), CLOCK);

    assertThatIllegalStateException()
        .isThrownBy(assembly::sha256)
        .withMessage("the archive has not been written yet");
  }

  private static byte[] write(ArchiveAssembly assembly) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assembly.writeTo(out);
    return out.toByteArray();
  }

  private static StagedItem item(
      String groupResource, String version, String kind, String namespace, String name) {
    return new StagedItem(
        groupResource,
        version,
        kind,
        namespace,
        name,
        json(kind, name).getBytes(StandardCharsets.UTF_8));
  }

  private static String json(String kind, String name) {
    return "{\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name + "\"}}";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
