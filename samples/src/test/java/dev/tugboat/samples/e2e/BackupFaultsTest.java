package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.FaultPlan;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code tugboat backup create} against a sandbox that misbehaves as real API servers do: a
 * continue token that expires mid-list, bursts of 429 and 500 answers, a type the backup may not
 * read. Each test starts a sandbox of its own, with its faults.
 */
class BackupFaultsTest {

  /** Kept small: the sandboxes with faults are started by the tests themselves. */
  @RegisterExtension static SandboxExtension sandboxes = SandboxExtension.builder().build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @Test
  void aContinueTokenExpiringMidListIsListedAgainFromTheLastItem() throws Exception {
    // 720 ConfigMaps in two namespaces: more than one page of 500. The latency holds the second
    // page's request long enough for the test to expire the first page's token meanwhile.
    SandboxExtension.Running sandbox =
        sandboxes.start(
            options("generated:2x600").latency(Duration.ofMillis(100)).simulation(false).build());
    sandbox.sandbox().resetStats();

    CompletableFuture<RunnerFixture.Result> running =
        CompletableFuture.supplyAsync(
            () ->
                tugboat.createBackup(
                    sandbox.kubeconfig(),
                    "expired-token",
                    "--include-resources",
                    "configmaps",
                    "--parallelism",
                    "1"));
    awaitFirstStagedChunk("expired-token", running);
    sandbox.sandbox().expireContinueTokens();
    RunnerFixture.Result result = running.get(60, TimeUnit.SECONDS);

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonObject stats = sandbox.sandbox().stats();
    assertThat(stats.getAsJsonObject("byCode").get("410").getAsInt()).isEqualTo(1);
    // the first page, the second refused, then from the start again: the first page and the second
    assertThat(stats.getAsJsonObject("byResource").get("configmaps").getAsInt()).isEqualTo(4);
    VeleroArchiveCheck.CheckedBackup backup =
        VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), "expired-token");
    assertThat(backup.phase()).isEqualTo("Completed");
    BackupContentsTest.assertSameItems(
        backup,
        new SandboxInventory(sandbox.sandbox().url())
            .items(type -> type.groupResource().equals("configmaps")));
    assertThat(backup.items().keySet().stream().filter(k -> k.groupResource().equals("configmaps")))
        .hasSize(720);
  }

  @Test
  void burstsOf429And500AreRetriedAndTheBackupIsComplete() throws Exception {
    SandboxExtension.Running sandbox =
        sandboxes.start(
            options("generated:3x40")
                .simulation(false)
                .faults(FaultPlan.parse("429=0.05,500=0.25"))
                .faultSeed(7)
                .build());

    RunnerFixture.Result result =
        tugboat.createBackup(
            sandbox.kubeconfig(),
            "flaky",
            "--include-cluster-resources",
            "true",
            "--parallelism",
            "1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonObject faults = sandbox.sandbox().stats().getAsJsonObject("faults");
    assertThat(faults.get("429").getAsInt()).isPositive();
    assertThat(faults.get("500").getAsInt()).isGreaterThan(1);
    VeleroArchiveCheck.CheckedBackup backup =
        VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), "flaky");
    assertThat(backup.phase()).isEqualTo("Completed");
    BackupContentsTest.assertSameItems(
        backup, new SandboxInventory(sandbox.sandbox().url()).items());
  }

  @Test
  void aForbiddenTypeMakesTheBackupPartiallyFailedWithEveryOtherTypeComplete() throws Exception {
    SandboxExtension.Running sandbox =
        sandboxes.start(
            options("generated:3x40")
                .simulation(false)
                .faults(FaultPlan.parse("forbid=secrets"))
                .build());

    RunnerFixture.Result result =
        tugboat.createBackup(
            sandbox.kubeconfig(), "no-secrets", "--include-cluster-resources", "true");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
    StoreContents store = StoreContents.ofFolder(tugboat.store());
    VeleroArchiveCheck.CheckedBackup backup = VeleroArchiveCheck.check(store, "no-secrets");
    assertThat(backup.phase()).isEqualTo("PartiallyFailed");
    JsonObject status = backup.backup().getAsJsonObject("status");
    assertThat(status.get("errors").getAsInt()).isEqualTo(1);
    assertThat(status.has("warnings")).isFalse();
    assertThat(gunzip(store.get("backups/no-secrets/no-secrets-results.gz")))
        .isEqualTo(
            JsonParser.parseString(
                """
                {"errors": {"cluster": ["LIST v1 secrets in all namespaces failed: HTTP 403\
                 Forbidden: secrets is forbidden: User \\"sandbox\\" cannot list resource\
                 \\"secrets\\" in API group \\"\\" at the cluster scope"]},
                 "warnings": {}}
                """));
    assertThat(backup.groupResources()).doesNotContain("secrets");
    BackupContentsTest.assertSameItems(
        backup,
        new SandboxInventory(sandbox.sandbox().url())
            .items(type -> !type.groupResource().equals("secrets")));
  }

  private static SandboxOptions.Builder options(String seed) {
    return SandboxOptions.builder().name("faulty").seed(Seeds.named(seed));
  }

  /**
   * Waits until the backup has staged its first chunk, written once the first page is read and
   * before the second page is asked for.
   */
  private static void awaitFirstStagedChunk(
      String name, CompletableFuture<RunnerFixture.Result> running) throws Exception {
    Path staging = tugboat.store().resolve("backups/" + name + "/staging");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (running.isDone()) {
        throw new AssertionError("the backup ended before staging a chunk: " + running.get());
      }
      if (hasChunk(staging)) {
        return;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no chunk was staged under " + staging + " within 30 s");
  }

  private static boolean hasChunk(Path staging) throws IOException {
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files.anyMatch(file -> file.getFileName().toString().equals("000000"));
    } catch (UncheckedIOException e) {
      // a partial file was renamed while the walk went by: look again
      return false;
    }
  }

  private static JsonObject gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }
}
