package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.FaultPlan;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code tugboat restore create} into a cluster that answers bursts of 429 Too Many Requests and
 * 500 Internal Server Error, as busy API servers do: the restore retries, completes, and every
 * object is created exactly once.
 */
class RestoreFaultsTest {

  private static final String BACKUP = "bench";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "source", options -> options.seed(Seeds.named("generated:2x40")).simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @Test
  void burstsOf429And500AreRetriedAndTheRestoreIsComplete() throws Exception {
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-namespaces", "bench-*");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    Map<ItemKey, JsonObject> source =
        new SandboxInventory(sandboxes.sandbox("source").url()).everything();
    SandboxExtension.Running target =
        sandboxes.start(
            SandboxOptions.builder()
                .name("flaky")
                .simulation(false)
                .faults(FaultPlan.parse("429=0.05,500=0.25"))
                .faultSeed(7)
                .build());
    Map<ItemKey, JsonObject> before = new SandboxInventory(target.sandbox().url()).everything();

    RunnerFixture.Result result =
        TugboatRestore.create(tugboat, target.kubeconfig(), "flaky", BACKUP, "--parallelism", "4");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonObject faults = target.sandbox().stats().getAsJsonObject("faults");
    assertThat(faults.get("429").getAsInt()).isPositive();
    assertThat(faults.get("500").getAsInt()).isGreaterThan(1);
    RestoreRecordsCheck records =
        RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), "flaky");
    assertThat(records.phase()).isEqualTo("Completed");
    assertThat(records.counts()).isEqualTo(Map.of("created", 82L));
    assertThat(records.withDisposition("created")).hasSize(82);
    Map<ItemKey, JsonObject> expected = new TreeMap<>(before);
    source.forEach(
        (key, object) -> {
          if (key.namespace().startsWith("bench-") || key.name().startsWith("bench-")) {
            expected.put(key, object);
          }
        });
    RestoredObjects.assertSameObjects(
        new SandboxInventory(target.sandbox().url()).everything(), expected);
  }
}
