package dev.tugboat.core.archive;

import static dev.tugboat.core.archive.Tarballs.archive;
import static dev.tugboat.core.archive.Tarballs.rawEntries;
import static dev.tugboat.core.archive.Tarballs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.tugboat.core.archive.Tarballs.RawEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveWriterTest {

  private static final byte[] POD = "{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PV =
      "{\"kind\":\"PersistentVolume\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void writesTheVersionFirstThenBothCopiesOfEachItem() throws Exception {
    byte[] archive =
        archive(
            writer -> {
              writer.writeItem("pods", "v1", "shop", "web-0", POD);
              writer.writeItem("persistentvolumes", "v1", null, "pvc-1", PV);
            });

    List<RawEntry> entries = rawEntries(archive);

    assertThat(entries)
        .extracting(entry -> entry.entry().getName() + " " + utf8(entry.content()))
        .containsExactly(
            "metadata/version 1.1.0\n",
            "resources/pods/namespaces/shop/web-0.json {\"kind\":\"Pod\"}",
            "resources/pods/v1-preferredversion/namespaces/shop/web-0.json {\"kind\":\"Pod\"}",
            "resources/persistentvolumes/cluster/pvc-1.json {\"kind\":\"PersistentVolume\"}",
            "resources/persistentvolumes/v1-preferredversion/cluster/pvc-1.json"
                + " {\"kind\":\"PersistentVolume\"}");
  }

  @Test
  void writesOnlyRegularFilesWithMode0755WholeSecondTimesAndNoOwner() throws Exception {
    byte[] archive = archive(writer -> writer.writeItem("pods", "v1", "shop", "web-0", POD));

    for (RawEntry raw : rawEntries(archive)) {
      assertThat(raw.entry().getLinkFlag()).isEqualTo(TarConstants.LF_NORMAL);
      assertThat(raw.entry().getMode()).isEqualTo(0100755);
      assertThat(raw.entry().getSize()).isEqualTo(raw.content().length);
      assertThat(raw.entry().getLastModifiedTime())
          .isEqualTo(FileTime.from(Instant.parse("2026-11-22T10:15:30Z")));
      assertThat(raw.entry().getUserName()).isEmpty();
      assertThat(raw.entry().getGroupName()).isEmpty();
    }
  }

  @Test
  void keepsNamesLongerThanTheUstarLimit() throws Exception {
    String longName = "system:controller:" + "x".repeat(182);
    assertThat(longName).hasSize(200);

    byte[] archive =
        archive(
            writer ->
                writer.writeItem(
                    "clusterroles.rbac.authorization.k8s.io", "v1", null, longName, PV));

    assertThat(rawEntries(archive))
        .extracting(raw -> raw.entry().getName())
        .containsExactly(
            "metadata/version",
            "resources/clusterroles.rbac.authorization.k8s.io/cluster/" + longName + ".json",
            "resources/clusterroles.rbac.authorization.k8s.io/v1-preferredversion/cluster/"
                + longName
                + ".json");
  }

  @Test
  void countsItemsNotCopies() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(out, Tarballs.FIXED_CLOCK)) {
      assertThat(writer.itemCount()).isZero();
      writer.writeItem("pods", "v1", "shop", "web-0", POD);
      writer.writeItem("pods", "v1", "shop", "web-1", POD);
      writer.writeItem("persistentvolumes", "v1", null, "pvc-1", PV);

      assertThat(writer.itemCount()).isEqualTo(3);
      writer.finish();
    }
  }

  @Test
  void serializesAGsonObjectCompactlyKeepingExplicitNulls() throws Exception {
    JsonObject object = new JsonObject();
    object.addProperty("kind", "ConfigMap");
    object.add("data", JsonNull.INSTANCE);
    JsonArray finalizers = new JsonArray();
    finalizers.add("a<b");
    object.add("finalizers", finalizers);

    byte[] archive =
        archive(writer -> writer.writeItem("configmaps", "v1", "shop", "settings", object));

    assertThat(utf8(rawEntries(archive).get(1).content()))
        .isEqualTo("{\"kind\":\"ConfigMap\",\"data\":null,\"finalizers\":[\"a\\u003cb\"]}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b"})
  void rejectsPathPartsThatAreNotSingleSegmentsNamingTheValue(String value) throws Exception {
    byte[] archive =
        archive(
            writer -> {
              assertThatThrownBy(() -> writer.writeItem(value, "v1", "shop", "web", POD))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessage(expectedRejection("group-resource", value));
              assertThatThrownBy(() -> writer.writeItem("pods", "v1", value, "web", POD))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessage(expectedRejection("namespace", value));
              assertThatThrownBy(() -> writer.writeItem("pods", "v1", "shop", value, POD))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessage(expectedRejection("name", value));
              assertThatThrownBy(() -> writer.writeItem("pods", value, "shop", "web", POD))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessage(expectedRejection("version", value));
              assertThat(writer.itemCount()).isZero();
            });

    assertThat(rawEntries(archive))
        .extracting(raw -> raw.entry().getName())
        .containsExactly("metadata/version");
  }

  private static String expectedRejection(String what, String value) {
    return value.isEmpty()
        ? "The " + what + " must not be empty"
        : "Invalid " + what + " '" + value + "': it must be a single path segment";
  }

  @Test
  void neverClosesTheCallersStream() throws Exception {
    CloseRecordingOutputStream out = new CloseRecordingOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(out, Tarballs.FIXED_CLOCK)) {
      writer.writeItem("pods", "v1", "shop", "web-0", POD);
      writer.finish();
    }

    assertThat(out.closed).isFalse();
    assertThat(rawEntries(out.toByteArray())).hasSize(3);
  }

  @Test
  void closingWithoutFinishLeavesAnArchiveNoReaderTakesForComplete() throws Exception {
    CloseRecordingOutputStream out = new CloseRecordingOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(out, Tarballs.FIXED_CLOCK)) {
      writer.writeItem("pods", "v1", "shop", "web-0", POD);
    }
    byte[] abandoned = out.toByteArray();

    assertThat(out.closed).isFalse();
    assertThatThrownBy(() -> Tarballs.readAll(abandoned))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessageContaining("truncated");
    // The JDK's reader, like Go's, needs the gzip trailer, which an abandoned archive lacks.
    assertThatThrownBy(
            () -> new GZIPInputStream(new ByteArrayInputStream(abandoned)).readAllBytes())
        .isInstanceOf(EOFException.class);
  }

  @Test
  void refusesItemsAfterFinish() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(out, Tarballs.FIXED_CLOCK)) {
      writer.finish();

      assertThatThrownBy(() -> writer.writeItem("pods", "v1", "shop", "web-0", POD))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Archive already finished or closed, cannot add"
                  + " resources/pods/namespaces/shop/web-0.json");
    }
  }

  private static final class CloseRecordingOutputStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
