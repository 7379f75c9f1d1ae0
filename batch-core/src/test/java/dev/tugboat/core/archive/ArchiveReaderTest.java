package dev.tugboat.core.archive;

import static dev.tugboat.core.archive.Tarballs.archive;
import static dev.tugboat.core.archive.Tarballs.bodyless;
import static dev.tugboat.core.archive.Tarballs.describe;
import static dev.tugboat.core.archive.Tarballs.file;
import static dev.tugboat.core.archive.Tarballs.readAll;
import static dev.tugboat.core.archive.Tarballs.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveReaderTest {

  private static final String LONG_NAME = "system:controller:" + "x".repeat(182);

  @Test
  void readsBackWhatTheWriterWroteWithBothCopiesOfEachItem() throws Exception {
    byte[] archive =
        archive(
            writer -> {
              writer.writeItem("pods", "v1", "shop", "web-0", json("{\"kind\":\"Pod\"}"));
              writer.writeItem(
                  "clusterroles.rbac.authorization.k8s.io",
                  "v1",
                  null,
                  LONG_NAME,
                  json("{\"kind\":\"ClusterRole\",\"note\":\"é\"}"));
            });

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThat(reader.formatVersion()).contains("1.1.0");
      ArchivedItem first = reader.next();
      assertThat(first.path()).isEqualTo(ArchivePath.classic("pods", "shop", "web-0"));
      assertThat(first.json()).isEqualTo(json("{\"kind\":\"Pod\"}"));
      assertThat(first.isClassicCopy()).isTrue();
      ArchivedItem second = reader.next();
      assertThat(second.path())
          .isEqualTo(ArchivePath.inPreferredVersion("pods", "v1", "shop", "web-0"));
      assertThat(second.isClassicCopy()).isFalse();
    }
    assertThat(describe(readAll(archive)))
        .containsExactly(
            "resources/pods/namespaces/shop/web-0.json [classic] {\"kind\":\"Pod\"}",
            "resources/pods/v1-preferredversion/namespaces/shop/web-0.json {\"kind\":\"Pod\"}",
            "resources/clusterroles.rbac.authorization.k8s.io/cluster/"
                + LONG_NAME
                + ".json [classic] {\"kind\":\"ClusterRole\",\"note\":\"é\"}",
            "resources/clusterroles.rbac.authorization.k8s.io/v1-preferredversion/cluster/"
                + LONG_NAME
                + ".json {\"kind\":\"ClusterRole\",\"note\":\"é\"}");
  }

  @Test
  void readsAnArkArchiveWithoutMetadataVersion() throws Exception {
    // Names and layout of a real Ark (2018) backup: classic paths only, no metadata/version.
    byte[] archive =
        tarGz(
            tar -> {
              file(
                  tar, "resources/namespaces/cluster/kube-system.json", "{\"kind\":\"Namespace\"}");
              file(
                  tar,
                  "resources/rolebindings.rbac.authorization.k8s.io/namespaces/kube-system/"
                      + "system::leader-locking-kube-scheduler.json",
                  "{\"kind\":\"RoleBinding\"}");
            });

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      // Asked first, so detection reads ahead; the first item must still come out.
      assertThat(reader.formatVersion()).isEmpty();
      assertThat(describe(Tarballs.readRemaining(reader)))
          .containsExactly(
              "resources/namespaces/cluster/kube-system.json [classic] {\"kind\":\"Namespace\"}",
              "resources/rolebindings.rbac.authorization.k8s.io/namespaces/kube-system/"
                  + "system::leader-locking-kube-scheduler.json [classic]"
                  + " {\"kind\":\"RoleBinding\"}");
    }
  }

  @Test
  void readsFormatOneArchives() throws Exception {
    byte[] archive =
        tarGz(
            tar -> {
              file(tar, "metadata/version", "1\n");
              file(tar, "resources/pods/namespaces/shop/web-0.json", "{}");
            });

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThat(reader.formatVersion()).contains("1");
      assertThat(reader.next().path()).isEqualTo(ArchivePath.classic("pods", "shop", "web-0"));
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void readsFormat110WithoutVersionFoldersAndWithNonPreferredVersionFolders() throws Exception {
    byte[] archive =
        tarGz(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, "resources/pods/namespaces/shop/web-0.json", "{\"a\":1}");
              file(tar, "resources/deployments.extensions/v1beta1/namespaces/shop/web.json", "{}");
            });

    assertThat(describe(readAll(archive)))
        .containsExactly(
            "resources/pods/namespaces/shop/web-0.json [classic] {\"a\":1}",
            "resources/deployments.extensions/v1beta1/namespaces/shop/web.json {}");
  }

  @Test
  void skipsFilesThatAreNotItemsAndIgnoresDirectories() throws Exception {
    // Repacking an extracted backup with "tar czf backup.tar.gz ." gives "./" names and folders.
    byte[] archive =
        tarGz(
            tar -> {
              bodyless(tar, new TarArchiveEntry("./"));
              bodyless(tar, new TarArchiveEntry("./metadata/"));
              file(tar, "./metadata/version", "1.1.0\n");
              file(tar, "./metadata/notes.txt", "not an item");
              bodyless(tar, new TarArchiveEntry("./resources/pods/namespaces/shop/"));
              file(tar, "./resources/pods/namespaces/shop/web-0.json", "{}");
              file(tar, "./resources/README", "not an item either");
              file(tar, "velero-backup.json", "{}");
            });

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThat(reader.formatVersion()).contains("1.1.0");
      assertThat(reader.next().path()).isEqualTo(ArchivePath.classic("pods", "shop", "web-0"));
      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void readsGnuAndPaxLongNames() throws Exception {
    String entryName =
        "resources/clusterroles.rbac.authorization.k8s.io/cluster/" + LONG_NAME + ".json";
    for (int longFileMode :
        new int[] {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX}) {
      ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
        tar.setLongFileMode(longFileMode);
        file(tar, entryName, "{}");
      }

      assertThat(describe(readAll(Tarballs.gzip(tarBytes.toByteArray()))))
          .as("long file mode %d", longFileMode)
          .containsExactly(entryName + " [classic] {}");
    }
  }

  @Test
  void readsAnArchiveSplitAcrossSeveralGzipMembers() throws Exception {
    byte[] tar =
        Tarballs.tar(
            out -> {
              file(out, "metadata/version", "1.1.0\n");
              file(out, "resources/pods/namespaces/shop/web-0.json", "{\"n\":0}");
              file(out, "resources/pods/namespaces/shop/web-1.json", "{\"n\":1}");
            });
    int split = Tarballs.headerOffset(tar, "resources/pods/namespaces/shop/web-1.json") + 100;
    ByteArrayOutputStream members = new ByteArrayOutputStream();
    members.write(Tarballs.gzip(Arrays.copyOfRange(tar, 0, split)));
    members.write(Tarballs.gzip(Arrays.copyOfRange(tar, split, tar.length)));

    assertThat(describe(readAll(members.toByteArray())))
        .containsExactly(
            "resources/pods/namespaces/shop/web-0.json [classic] {\"n\":0}",
            "resources/pods/namespaces/shop/web-1.json [classic] {\"n\":1}");
  }

  @Test
  void reportsJsonFilesUnderResourcesThatBreakTheGrammar() throws Exception {
    byte[] archive =
        tarGz(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, "resources/pods/shop/web-0.json", "{}");
            });

    assertThatThrownBy(() -> readAll(archive))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "Archive entry 'resources/pods/shop/web-0.json' is not a valid item path:"
                + " 'resources/pods/shop/web-0.json' has no namespaces/<namespace>/ or cluster/"
                + " folder right before the name");
  }

  @Test
  void reportsAVersionFileThatIsNotFirst() throws Exception {
    byte[] archive =
        tarGz(
            tar -> {
              file(tar, "resources/pods/namespaces/shop/web-0.json", "{}");
              file(tar, "metadata/version", "1.1.0\n");
            });

    assertThatThrownBy(() -> readAll(archive))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "Archive entry 'metadata/version' comes after other files; Velero writes it first, so"
                + " the format is unknown");
  }

  @Test
  void reportsAVersionFileThatHoldsNoVersion() throws Exception {
    byte[] archive = tarGz(tar -> file(tar, "metadata/version", "not a version\n"));

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThatThrownBy(reader::formatVersion)
          .isInstanceOf(ArchiveFormatException.class)
          .hasMessage(
              "Archive entry 'metadata/version' does not hold a format version such as 1.1.0 (14"
                  + " bytes)");
    }
  }

  @Test
  void readsAnArchiveWithoutItems() throws Exception {
    try (ArchiveReader reader =
        ArchiveReader.open(new ByteArrayInputStream(archive(writer -> {})))) {
      assertThat(reader.next()).isNull();
      assertThat(reader.formatVersion()).contains("1.1.0");
    }
  }

  @Test
  void neverClosesTheCallersStream() throws Exception {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream(archive(writer -> {})) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    try (ArchiveReader reader = ArchiveReader.open(in)) {
      assertThat(reader.next()).isNull();
    }

    assertThat(closed[0]).isFalse();
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
