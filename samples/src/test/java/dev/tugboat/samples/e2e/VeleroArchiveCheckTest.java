package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** The checker accepts a backup made by the rules and rejects one that breaks any of them. */
class VeleroArchiveCheckTest {

  private static final String NAME = "nightly";
  private static final String FOLDER = "backups/nightly/";
  private static final String CONFIG_MAP =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"app\",\"namespace\":\"shop\"},\"data\":{\"a\":\"b c\"}}";
  private static final String DEPLOYMENT =
      "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"}}";
  private static final String CLUSTER_ROLE =
      "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"reader\"}}";

  @Test
  void acceptsABackupMadeByTheRulesAndReadsItsItems() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup = VeleroArchiveCheck.check(new Fixture().store(), NAME);

    assertThat(backup.phase()).isEqualTo("Completed");
    assertThat(backup.items())
        .containsOnlyKeys(
            new ItemKey("configmaps", "shop", "app"),
            new ItemKey("deployments.apps", "shop", "web"),
            new ItemKey("clusterroles.rbac.authorization.k8s.io", "", "reader"));
    assertThat(backup.items().get(new ItemKey("configmaps", "shop", "app"))).isEqualTo(CONFIG_MAP);
    assertThat(backup.entries()).hasSize(7).startsWith("metadata/version");
  }

  @Test
  void rejectsAFileModeOtherThan0755() {
    Fixture fixture = new Fixture();
    fixture.mode = 0644;

    assertRejected(fixture, "tar entry 'metadata/version' has mode 644, not 755");
  }

  @Test
  void rejectsADirectoryEntry() {
    Fixture fixture = new Fixture();
    fixture.entries.put("resources/", null);

    assertRejected(fixture, "tar entry 'resources/' is a directory entry");
  }

  @Test
  void rejectsAnItemWithoutItsPreferredVersionCopy() {
    Fixture fixture = new Fixture();
    fixture.entries.remove(
        "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json");

    assertRejected(fixture, "item deployments.apps shop/web has no -preferredversion copy");
  }

  @Test
  void rejectsCopiesThatDiffer() {
    Fixture fixture = new Fixture();
    fixture.entries.put(
        "resources/configmaps/v1-preferredversion/namespaces/shop/app.json",
        CONFIG_MAP.replace("b c", "d"));

    assertRejected(fixture, "its -preferredversion copy differs from the classic one");
  }

  @Test
  void rejectsAnItemFileEndingWithANewline() {
    Fixture fixture = new Fixture();
    fixture.item("configmaps", "v1", "shop", "app", CONFIG_MAP + "\n");

    assertRejected(fixture, "ends with a newline");
  }

  @Test
  void rejectsPrettyPrintedJson() {
    Fixture fixture = new Fixture();
    fixture.item("configmaps", "v1", "shop", "app", CONFIG_MAP.replace(",\"data\"", ", \"data\""));

    assertRejected(fixture, "is not compact JSON");
  }

  @Test
  void rejectsAnItemWhoseNameDiffersFromItsPath() {
    Fixture fixture = new Fixture();
    fixture.item("configmaps", "v1", "shop", "other", CONFIG_MAP);

    assertRejected(fixture, "metadata.name is app");
  }

  @Test
  void rejectsAnItemFiledUnderAnotherGroup() {
    Fixture fixture = new Fixture();
    fixture.item("deployments", "v1", "shop", "web", DEPLOYMENT);

    assertRejected(fixture, "apiVersion apps/v1 is not of group ''");
  }

  @Test
  void rejectsAFirstEntryOtherThanTheVersion() {
    Fixture fixture = new Fixture();
    String version = "1.1.0\n";
    fixture.entries.remove("metadata/version");
    fixture.entries.put("metadata/version", version);

    assertRejected(fixture, "the first entry must be metadata/version");
  }

  @Test
  void rejectsAWrongFormatVersionFile() {
    Fixture fixture = new Fixture();
    fixture.entries.put("metadata/version", "1\n");

    assertRejected(fixture, "metadata/version must hold");
  }

  @Test
  void rejectsTwoGzipMembers() {
    Fixture fixture = new Fixture();
    fixture.gzipMembers = 2;

    assertRejected(fixture, "must be a single gzip stream");
  }

  @Test
  void rejectsAChecksumOtherThanTheArchives() {
    Fixture fixture = new Fixture();
    fixture.sha256 = "0".repeat(64);

    assertRejected(fixture, "annotation tugboat.dev/sha256 must be the archive's SHA-256");
  }

  @Test
  void rejectsAPhaseThatVeleroWouldRunAgain() {
    Fixture fixture = new Fixture();
    fixture.phase = "New";

    assertRejected(fixture, "status.phase must be Completed or PartiallyFailed, not 'New'");
  }

  @Test
  void rejectsAnExpirationOtherThanStartPlusTtl() {
    Fixture fixture = new Fixture();
    fixture.expiration = "2025-01-31T10:00:01Z";

    assertRejected(fixture, "status.expiration must be startTimestamp + spec.ttl");
  }

  @Test
  void rejectsStagingLeftovers() {
    Fixture fixture = new Fixture();
    fixture.extraKeys.add(FOLDER + "staging/run-1/p00000/000000");

    assertRejected(fixture, "staging leftover 'backups/nightly/staging/run-1/p00000/000000'");
  }

  @Test
  void rejectsKeysOutsideBackups() {
    Fixture fixture = new Fixture();
    fixture.extraKeys.add("tugboat/state");

    assertRejected(fixture, "store key 'tugboat/state' is outside backups/");
  }

  private static void assertRejected(Fixture fixture, String violation) {
    assertThatThrownBy(() -> VeleroArchiveCheck.check(fixture.store(), NAME))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(violation);
  }

  /** A valid backup of three items, which each test breaks in one way. */
  private static final class Fixture {

    /** Entry name to content; a null content makes a directory entry. */
    final Map<String, String> entries = new LinkedHashMap<>();

    final List<String> extraKeys = new ArrayList<>();
    int mode = 0755;
    int gzipMembers = 1;
    String sha256;
    String phase = "Completed";
    String expiration = "2025-01-31T10:00:00Z";

    Fixture() {
      entries.put("metadata/version", "1.1.0\n");
      item("configmaps", "v1", "shop", "app", CONFIG_MAP);
      item("deployments.apps", "v1", "shop", "web", DEPLOYMENT);
      item("clusterroles.rbac.authorization.k8s.io", "v1", "", "reader", CLUSTER_ROLE);
    }

    void item(String groupResource, String version, String namespace, String name, String json) {
      String scope = namespace.isEmpty() ? "cluster" : "namespaces/" + namespace;
      entries.put("resources/" + groupResource + "/" + scope + "/" + name + ".json", json);
      entries.put(
          "resources/"
              + groupResource
              + "/"
              + version
              + "-preferredversion/"
              + scope
              + "/"
              + name
              + ".json",
          json);
    }

    StoreContents store() throws IOException {
      byte[] archive = gzip(tar());
      Map<String, byte[]> objects = new LinkedHashMap<>();
      objects.put(FOLDER + NAME + ".tar.gz", archive);
      objects.put(FOLDER + "velero-backup.json", backupObject(archive));
      for (String file : List.of("-resource-list.json.gz", "-results.gz", "-logs.gz")) {
        objects.put(FOLDER + NAME + file, new byte[] {1});
      }
      extraKeys.forEach(key -> objects.put(key, new byte[] {1}));
      return new StoreContents(objects);
    }

    private byte[] backupObject(byte[] archive) {
      return ("""
          {"kind":"Backup","apiVersion":"velero.io/v1",
           "metadata":{"name":"%s","namespace":"velero","annotations":{"tugboat.dev/sha256":"%s"}},
           "spec":{"ttl":"720h0m0s"},
           "status":{"phase":"%s","formatVersion":"1.1.0","startTimestamp":"2025-01-01T10:00:00Z",
            "expiration":"%s"}}
          """)
          .formatted(
              NAME, sha256 != null ? sha256 : VeleroArchiveCheck.sha256(archive), phase, expiration)
          .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tar() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
          TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
          byte[] content =
              entry.getValue() == null
                  ? new byte[0]
                  : entry.getValue().getBytes(StandardCharsets.UTF_8);
          header.setMode(entry.getValue() == null ? TarArchiveEntry.DEFAULT_DIR_MODE : mode);
          header.setSize(content.length);
          tar.putArchiveEntry(header);
          tar.write(content);
          tar.closeArchiveEntry();
        }
      }
      return bytes.toByteArray();
    }

    private byte[] gzip(byte[] tar) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int half = tar.length / 2;
      if (gzipMembers == 1) {
        member(bytes, tar, 0, tar.length);
      } else {
        member(bytes, tar, 0, half);
        member(bytes, tar, half, tar.length - half);
      }
      return bytes.toByteArray();
    }

    private static void member(ByteArrayOutputStream out, byte[] data, int offset, int length)
        throws IOException {
      ByteArrayOutputStream member = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
        gzip.write(data, offset, length);
      }
      out.write(member.toByteArray());
    }
  }
}
