package dev.tugboat.restore.source;

import static dev.tugboat.restore.source.TestArchives.describe;
import static dev.tugboat.restore.source.TestArchives.file;
import static dev.tugboat.restore.source.TestArchives.tarGz;
import static dev.tugboat.restore.source.TestArchives.tugboatArchive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.archive.ArchiveLimits;
import dev.tugboat.core.archive.FolderPacker;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sound archives of every format are spooled with one copy per item, read back by type. */
class ArchiveSpoolerTest {

  private static final String POD_WEB_0 =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0','namespace':'shop'}}";
  private static final String POD_WEB_1 =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-1','namespace':'shop'}}";
  private static final String DEPLOYMENT =
      "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'shop'}}";
  private static final String CONFIG_MAP =
      "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings','namespace':'blog'}}";
  private static final String NAMESPACE =
      "{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop'}}";

  /** The classic copies of the Ark fixture, by folder (secrets were left out of the fixture). */
  private static final Map<String, Long> ARK_ITEMS =
      Map.ofEntries(
          entry("apiservices.apiregistration.k8s.io", 24L),
          entry("backups.ark.heptio.com", 2L),
          entry("certificatesigningrequests.certificates.k8s.io", 2L),
          entry("clusterrolebindings.rbac.authorization.k8s.io", 43L),
          entry("clusterroles.rbac.authorization.k8s.io", 52L),
          entry("configmaps", 6L),
          entry("configs.ark.heptio.com", 1L),
          entry("controllerrevisions.apps", 3L),
          entry("customresourcedefinitions.apiextensions.k8s.io", 5L),
          entry("daemonsets.apps", 3L),
          entry("daemonsets.extensions", 3L),
          entry("deployments.apps", 5L),
          entry("endpoints", 6L),
          entry("events", 10L),
          entry("events.events.k8s.io", 10L),
          entry("namespaces", 6L),
          entry("pods", 18L),
          entry("replicasets.apps", 5L),
          entry("replicasets.extensions", 5L),
          entry("rolebindings.rbac.authorization.k8s.io", 8L),
          entry("roles.rbac.authorization.k8s.io", 9L),
          entry("serviceaccounts", 38L),
          entry("services", 4L));

  private static final List<String> ARK_DEPLOYMENTS =
      List.of(
          "deployments.apps v1 Deployment default/http-service-example",
          "deployments.apps v1 Deployment heptio-ark/ark",
          "deployments.apps v1 Deployment kube-system/calico-kube-controllers",
          "deployments.apps v1 Deployment kube-system/clerk",
          "deployments.apps v1 Deployment kube-system/coredns");

  @TempDir Path temp;

  private final ArchiveSpooler spooler = new ArchiveSpooler();

  @Test
  void spoolsAPublishedTugboatBackupWhoseChecksumMatches() throws Exception {
    byte[] archive =
        tugboatArchive(
            writer -> {
              writer.writeItem("namespaces", "v1", null, "shop", json(NAMESPACE));
              writer.writeItem("pods", "v1", "shop", "web-0", json(POD_WEB_0));
              writer.writeItem("deployments.apps", "v1", "shop", "web", json(DEPLOYMENT));
              writer.writeItem("configmaps", "v1", "blog", "settings", json(CONFIG_MAP));
              writer.writeItem("pods", "v1", "shop", "web-1", json(POD_WEB_1));
            });
    LocalBackupStore store = new LocalBackupStore(temp.resolve("store"));
    publish(store, "b1", archive, sha256(archive));
    Path work = temp.resolve("work");

    try (SpooledBackup spooled = spooler.spool(BackupSource.published(store, "b1"), work)) {
      // Backups hold Secrets: the spool is its owner's alone.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
          .isEqualTo("rwx------");
      assertThat(spooled.formatVersion()).contains("1.1.0");
      assertThat(spooled.groupResources())
          .containsExactly(
              entry("configmaps", 1L),
              entry("deployments.apps", 1L),
              entry("namespaces", 1L),
              entry("pods", 2L));
      assertThat(spooled.namespaces()).containsExactly("blog", "shop");
      assertThat(readAll(spooled, "pods"))
          .containsExactly(
              "pods v1 Pod shop/web-0 " + POD_WEB_0, "pods v1 Pod shop/web-1 " + POD_WEB_1);
      assertThat(readAll(spooled, "deployments.apps"))
          .containsExactly("deployments.apps v1 Deployment shop/web " + DEPLOYMENT);
      assertThat(readAll(spooled, "namespaces"))
          .containsExactly("namespaces v1 Namespace shop " + NAMESPACE);
    }
    assertThat(work).doesNotExist();
  }

  @Test
  void readsTheClassicCopiesOfAFormat110ArchiveWithoutVersionFolders() throws Exception {
    Path archive =
        archiveFile(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, "resources/pods/namespaces/shop/web-0.json", POD_WEB_0);
              file(
                  tar,
                  "resources/deployments.apps/namespaces/shop/web.json",
                  "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'}}");
            });

    try (SpooledBackup spooled = spooler.spool(BackupSource.file(archive), temp.resolve("w"))) {
      assertThat(spooled.formatVersion()).contains("1.1.0");
      assertThat(spooled.groupResources())
          .containsExactly(entry("deployments.apps", 1L), entry("pods", 1L));
      assertThat(readAll(spooled, "pods")).containsExactly("pods v1 Pod shop/web-0 " + POD_WEB_0);
      // Velero puts the namespace of the path on an object that has none.
      assertThat(readAll(spooled, "deployments.apps"))
          .containsExactly("deployments.apps v1 Deployment shop/web " + DEPLOYMENT);
    }
  }

  @Test
  void readsThePreferredVersionFoldersOfAnArchiveWithoutClassicCopies() throws Exception {
    String hpaV2 =
        "{'apiVersion':'autoscaling/v2','kind':'HorizontalPodAutoscaler','metadata':{'name':'web','namespace':'shop'}}";
    String hpaV1 =
        "{'apiVersion':'autoscaling/v1','kind':'HorizontalPodAutoscaler','metadata':{'name':'web','namespace':'shop'}}";
    Path archive =
        archiveFile(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, "resources/pods/v1-preferredversion/namespaces/shop/web-0.json", POD_WEB_0);
              file(
                  tar,
                  "resources/horizontalpodautoscalers.autoscaling/v2-preferredversion/namespaces/shop/web.json",
                  hpaV2);
              // The same item in a non-preferred version: not a second item.
              file(
                  tar,
                  "resources/horizontalpodautoscalers.autoscaling/v1/namespaces/shop/web.json",
                  hpaV1);
              file(tar, "resources/namespaces/v1-preferredversion/cluster/shop.json", NAMESPACE);
            });

    try (SpooledBackup spooled = spooler.spool(BackupSource.file(archive), temp.resolve("w"))) {
      assertThat(spooled.groupResources())
          .containsExactly(
              entry("horizontalpodautoscalers.autoscaling", 1L),
              entry("namespaces", 1L),
              entry("pods", 1L));
      assertThat(readAll(spooled, "horizontalpodautoscalers.autoscaling"))
          .containsExactly(
              "horizontalpodautoscalers.autoscaling v2 HorizontalPodAutoscaler shop/web " + hpaV2);
      assertThat(readAll(spooled, "pods")).containsExactly("pods v1 Pod shop/web-0 " + POD_WEB_0);
      assertThat(spooled.namespaces()).containsExactly("shop");
    }
  }

  @Test
  void prefersClassicCopiesThatComeAfterThePreferredVersionOnes() throws Exception {
    Path archive =
        archiveFile(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, "resources/pods/v1-preferredversion/namespaces/shop/web-0.json", POD_WEB_0);
              file(tar, "resources/pods/namespaces/shop/web-0.json", POD_WEB_0);
              file(tar, "resources/pods/v1-preferredversion/namespaces/shop/web-1.json", POD_WEB_1);
              file(tar, "resources/pods/namespaces/shop/web-1.json", POD_WEB_1);
            });

    try (SpooledBackup spooled = spooler.spool(BackupSource.file(archive), temp.resolve("w"))) {
      assertThat(readAll(spooled, "pods"))
          .containsExactly(
              "pods v1 Pod shop/web-0 " + POD_WEB_0, "pods v1 Pod shop/web-1 " + POD_WEB_1);
    }
  }

  @Test
  void readsTheRealArkBackupTarredAsItWasExtracted() throws Exception {
    Path archive = temp.resolve("ark.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive)) {
      TestArchives.tarFolder(TestArchives.arkFixture(), out);
    }

    try (SpooledBackup spooled = spooler.spool(BackupSource.file(archive), temp.resolve("w"))) {
      assertThat(spooled.formatVersion()).isEmpty();
      assertArkContent(spooled);
    }
  }

  @Test
  void readsTheRealArkBackupPackedInTheCurrentFormat() throws Exception {
    Path archive = temp.resolve("ark.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive)) {
      FolderPacker.pack(TestArchives.arkFixture(), out);
    }

    try (SpooledBackup spooled = spooler.spool(BackupSource.file(archive), temp.resolve("w"))) {
      assertThat(spooled.formatVersion()).contains("1.1.0");
      assertArkContent(spooled);
    }
  }

  @Test
  void writesAChunkWhenTheItemsWaitingInAllTypesFillOne() throws Exception {
    ArchiveSpooler smallChunks =
        new ArchiveSpooler(new SpoolLimits(2, 1 << 20), ArchiveLimits.DEFAULTS);
    String pod2 = POD_WEB_1.replace("web-1", "web-2");
    String pod3 = POD_WEB_1.replace("web-1", "web-3");
    String configMap2 = CONFIG_MAP.replace("settings", "other");
    Path archive =
        archiveFile(
            tar -> {
              file(tar, "resources/pods/namespaces/shop/web-1.json", POD_WEB_1);
              file(tar, "resources/configmaps/namespaces/blog/settings.json", CONFIG_MAP);
              file(tar, "resources/pods/namespaces/shop/web-2.json", pod2);
              file(tar, "resources/pods/namespaces/shop/web-3.json", pod3);
              file(tar, "resources/configmaps/namespaces/blog/other.json", configMap2);
            });
    Path work = temp.resolve("w");

    try (SpooledBackup spooled = smallChunks.spool(BackupSource.file(archive), work)) {
      // [web-1] [settings] then [web-2, web-3] then [other]: never more than two items waiting.
      assertThat(filesUnder(work)).isEqualTo(4);
      assertThat(readAll(spooled, "pods"))
          .containsExactly(
              "pods v1 Pod shop/web-1 " + POD_WEB_1,
              "pods v1 Pod shop/web-2 " + pod2,
              "pods v1 Pod shop/web-3 " + pod3);
      assertThat(readAll(spooled, "configmaps"))
          .containsExactly(
              "configmaps v1 ConfigMap blog/settings " + CONFIG_MAP,
              "configmaps v1 ConfigMap blog/other " + configMap2);
    }
    assertThat(work).doesNotExist();
  }

  @Test
  void refusesToReadATypeTheBackupDoesNotHold() throws Exception {
    Path archive =
        archiveFile(tar -> file(tar, "resources/pods/namespaces/shop/web-0.json", POD_WEB_0));

    try (SpooledBackup spooled = spooler.spool(BackupSource.file(archive), temp.resolve("w"))) {
      assertThatThrownBy(() -> spooled.read("secrets", item -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The backup holds no items of 'secrets'; it holds [pods]");
    }
  }

  @Test
  void refusesAWorkFolderThatIsNotEmptyAndLeavesItAlone() throws Exception {
    Path archive =
        archiveFile(tar -> file(tar, "resources/pods/namespaces/shop/web-0.json", POD_WEB_0));
    Path work = Files.createDirectories(temp.resolve("w"));
    Files.writeString(work.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> spooler.spool(BackupSource.file(archive), work))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The spool folder " + work + " is not empty; refusing to spool into it");
    assertThat(work.resolve("notes.txt")).hasContent("mine");
  }

  private void assertArkContent(SpooledBackup spooled) throws IOException {
    assertThat(spooled.groupResources()).containsExactlyInAnyOrderEntriesOf(ARK_ITEMS);
    assertThat(spooled.namespaces())
        .containsExactly("default", "foo1", "heptio-ark", "kube-public", "kube-system", "test");
    List<String> deployments = new ArrayList<>();
    spooled.read(
        "deployments.apps",
        item ->
            deployments.add(
                item.groupResource()
                    + " "
                    + item.version()
                    + " "
                    + item.kind()
                    + " "
                    + item.key()));
    assertThat(deployments).containsExactlyElementsOf(ARK_DEPLOYMENTS);
  }

  private Path archiveFile(TestArchives.TarContent content) throws IOException {
    Path file = temp.resolve("archive.tar.gz");
    Files.write(file, tarGz(content));
    return file;
  }

  static void publish(LocalBackupStore store, String name, byte[] archive, String sha256)
      throws IOException {
    String metadata =
        "{'apiVersion':'velero.io/v1','kind':'Backup','metadata':{'name':'"
            + name
            + "','annotations':{'tugboat.dev/sha256':'"
            + sha256
            + "'}}}";
    new BackupCatalog(store)
        .publish(
            name,
            out -> out.write(archive),
            Map.of(),
            out -> out.write(metadata.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static List<String> readAll(SpooledBackup spooled, String groupResource) throws IOException {
    List<String> items = new ArrayList<>();
    spooled.read(groupResource, item -> items.add(describe(item)));
    return items;
  }

  private static long filesUnder(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).collect(Collectors.counting());
    }
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }
}
