package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real backup written by Heptio Ark in 2018 (Velero's predecessor, format 1: no version folders,
 * complete objects with their status and uids, {@code extensions} copies of workloads), packed,
 * published into a store and restored into an empty cluster.
 *
 * <p>The fixture lives outside the repository, in the shared research folder next to the project
 * (as for {@code FolderPackerTest}); where it is absent, as in a separate worktree, the test is
 * skipped.
 */
class RestoreArkBackupTest {

  /** The extracted backup, relative to this module's folder. */
  private static final Path ARK_FIXTURE =
      Path.of("../../shared/research/fixtures/ark-2018-watch-proxy-extracted");

  private static final String BACKUP = "ark-2018";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder().sandbox("target", options -> options.simulation(false)).build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @Test
  void anArkBackupIsRestoredWithItsObjects(@TempDir Path folder) throws Exception {
    assumeTrue(Files.isDirectory(ARK_FIXTURE), "the Ark fixture is not at " + ARK_FIXTURE);
    Path archive = folder.resolve(BACKUP + ".tar.gz");
    RunnerFixture.Result pack =
        tugboat.run("archive", "pack", ARK_FIXTURE.toString(), "-o", archive.toString());
    assertThat(pack.exitCode()).as(pack.err()).isZero();
    PublishedArchives.publish(tugboat.store(), BACKUP, Files.readAllBytes(archive));

    Map<ItemKey, JsonObject> before =
        new SandboxInventory(sandboxes.sandbox("target").url()).everything();

    RunnerFixture.Result result =
        TugboatRestore.create(tugboat, sandboxes.kubeconfig("target"), "from-ark", BACKUP);

    // The types the cluster does not serve in the backed-up version fail, as in Velero: the CRDs
    // and
    // CSRs of apiextensions and certificates v1beta1, the custom resources of those CRDs, and the
    // extensions copies of the DaemonSets (Ark backed up both groups; apps ones are restored).
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
    RestoreRecordsCheck records =
        RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), "from-ark");
    assertThat(records.phase()).isEqualTo("PartiallyFailed");
    assertThat(records.counts())
        .isEqualTo(Map.of("created", 178L, "failed", 13L, "not-restored", 54L, "skipped", 3L));
    assertThat(records.errors())
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(
                    "customresourcedefinitions.apiextensions.k8s.io/backups.ark.heptio.com",
                    "customresourcedefinitions.apiextensions.k8s.io/configs.ark.heptio.com",
                    "customresourcedefinitions.apiextensions.k8s.io/downloadrequests.ark.heptio.com",
                    "customresourcedefinitions.apiextensions.k8s.io/restores.ark.heptio.com",
                    "customresourcedefinitions.apiextensions.k8s.io/schedules.ark.heptio.com",
                    "backups.ark.heptio.com/heptio-ark/test-backup-01",
                    "backups.ark.heptio.com/heptio-ark/test-backup-02",
                    "configs.ark.heptio.com/heptio-ark/default",
                    "certificatesigningrequests.certificates.k8s.io/"
                        + "node-csr-7tXsVUrR6K5X1qGin7DNTIWRYk-eFRrhnVzpdcjEkTE",
                    "certificatesigningrequests.certificates.k8s.io/"
                        + "node-csr-iquHDFNfZZjwXv7P4jIf3cb0BuexuycoAKWK38kmu6c",
                    "daemonsets.extensions/kube-system/calico-etcd",
                    "daemonsets.extensions/kube-system/calico-node",
                    "daemonsets.extensions/kube-system/kube-proxy")
                .map(
                    item ->
                        "error restoring "
                            + item
                            + ": the server could not find the requested resource")
                .toList());
    // The system namespaces exist already, without the labels Ark's cluster gave them.
    assertThat(records.warnings())
        .containsExactly(
            "could not restore, Namespace:default already exists. Warning: the in-cluster"
                + " version is different than the backed-up version (differs in metadata.labels)",
            "could not restore, Namespace:kube-public already exists. Warning: the in-cluster"
                + " version is different than the backed-up version (differs in metadata.labels)",
            "could not restore, Namespace:kube-system already exists. Warning: the in-cluster"
                + " version is different than the backed-up version (differs in metadata.labels)");
    Map<ItemKey, JsonObject> gained =
        new TreeMap<>(new SandboxInventory(sandboxes.sandbox("target").url()).everything());
    gained.keySet().removeAll(before.keySet());
    assertThat(gained.keySet())
        .containsExactlyInAnyOrderElementsOf(records.withDisposition("created").keySet());
    assertThat(gained)
        .containsKeys(
            new ItemKey("deployments.apps", "heptio-ark", "ark"),
            new ItemKey("daemonsets.apps", "kube-system", "calico-node"),
            new ItemKey("namespaces", "", "heptio-ark"),
            new ItemKey("clusterrolebindings.rbac.authorization.k8s.io", "", "ark"),
            new ItemKey(
                "rolebindings.rbac.authorization.k8s.io",
                "kube-system",
                "system:controller:bootstrap-signer"));
  }
}
