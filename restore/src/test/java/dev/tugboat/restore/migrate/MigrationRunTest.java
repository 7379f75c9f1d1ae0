package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class MigrationRunTest {

  private static final String HEAD =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: move-shop
      target: {context: standby}
      """;

  private static final MigrationPlan ONLINE =
      MigrationPlanParser.parse(
          HEAD
              + """
              source: {context: primary}
              applications:
              - name: shop
                selector: {namespaces: [shop]}
              """);

  private static final MigrationPlan OFFLINE =
      MigrationPlanParser.parse(
          HEAD
              + """
              source: {backup: nightly-2026}
              applications:
              - name: shop
                selector: {namespaces: [shop]}
              """);

  /** A plan whose JSON outgrows a job parameter's 2,500 characters: 40 applications. */
  private static final MigrationPlan LONG =
      MigrationPlanParser.parse(
          HEAD
              + "source: {context: primary}\napplications:\n"
              + IntStream.range(0, 40)
                  .mapToObj(
                      i ->
                          "- {name: application-%d, tier: %d, selector: {namespaces: [ns-%d]}}\n"
                              .formatted(i, i % 4, i))
                  .collect(Collectors.joining()));

  private static MigrationRun run(MigrationPlan plan) {
    return new MigrationRun(
        plan,
        "file:///backups/",
        Path.of("/etc/primary.kubeconfig"),
        Path.of("/etc/standby.kubeconfig"),
        12.5,
        30,
        Path.of("/tmp/tugboat-work"));
  }

  private static Map<String, Object> identifying(JobParameters parameters) {
    Map<String, Object> values = new TreeMap<>();
    for (JobParameter<?> parameter : parameters.getIdentifyingParameters()) {
      values.put(parameter.name(), parameter.value());
    }
    return values;
  }

  @Test
  void roundTripsThroughJobParameters() {
    MigrationRun run = run(ONLINE);

    assertThat(MigrationRun.fromJobParameters(run.toJobParameters())).isEqualTo(run);
  }

  @Test
  void roundTripsWithoutKubeconfigs() {
    MigrationRun run =
        new MigrationRun(OFFLINE, "/backups", null, null, 5.0, 1, Path.of("/tmp/tugboat-work"));

    JobParameters parameters = run.toJobParameters();

    assertThat(parameters.getString("sourceKubeconfig")).isNull();
    assertThat(parameters.getString("targetKubeconfig")).isNull();
    assertThat(MigrationRun.fromJobParameters(parameters)).isEqualTo(run);
  }

  @Test
  void aLongPlanIsKeptInPiecesAndRoundTrips() {
    MigrationRun run = run(LONG);
    assertThat(LONG.toJson()).hasSizeGreaterThan(2500);

    JobParameters parameters = run.toJobParameters();

    assertThat(parameters.getString("plan.1")).isNotNull();
    parameters
        .parameters()
        .forEach(
            parameter ->
                assertThat(parameter.value().toString())
                    .as(parameter.name())
                    .hasSizeLessThanOrEqualTo(2500));
    MigrationRun back = MigrationRun.fromJobParameters(parameters);
    assertThat(back).isEqualTo(run);
    assertThat(back.plan().applications()).hasSize(40);
  }

  @Test
  void onlyTheMigrationAndTheStoreIdentifyTheRun() {
    JobParameters parameters = run(LONG).toJobParameters();

    assertThat(identifying(parameters))
        .isEqualTo(Map.of("migration", "move-shop", "store", "/backups"));
    assertThat(identifying(MigrationRun.identity("move-shop", "/backups")))
        .isEqualTo(identifying(parameters));
  }

  @Test
  void aChangedPlanOrSettingIsTheSameInstance() {
    MigrationRun changed =
        new MigrationRun(ONLINE, "/backups", null, null, 1.0, 2, Path.of("/elsewhere"));

    assertThat(identifying(changed.toJobParameters()))
        .isEqualTo(identifying(run(LONG).toJobParameters()));
  }

  @Test
  void onlineRestoresFromTheRestartPointBackupNamedAfterTheMigration() {
    MigrationRun run = run(ONLINE);

    assertThat(run.online()).isTrue();
    assertThat(run.id()).isEqualTo("move-shop");
    assertThat(run.sourceBackup()).isEqualTo("move-shop");
    assertThat(run.sourceContext()).isEqualTo("primary");
  }

  @Test
  void offlineRestoresFromThePlansBackupAndHasNoSourceCluster() {
    MigrationRun run = run(OFFLINE);

    assertThat(run.online()).isFalse();
    assertThat(run.sourceBackup()).isEqualTo("nightly-2026");
    assertThatThrownBy(run::sourceContext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an offline migration has no source cluster");
  }

  @Test
  void refusesARateThatIsNotPositive() {
    for (double qps : new double[] {0, -1, Double.NaN}) {
      assertThatThrownBy(
              () -> new MigrationRun(ONLINE, "/backups", null, null, qps, 10, Path.of("/tmp")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("--qps must be positive, not " + qps);
    }
  }

  @Test
  void refusesABurstBelowOne() {
    assertThatThrownBy(
            () -> new MigrationRun(ONLINE, "/backups", null, null, 5, 0, Path.of("/tmp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--burst must be at least 1, not 0");
  }

  @Test
  void refusesParametersOfAnotherJob() {
    JobParameters restore =
        new JobParametersBuilder().addString("restore", "nightly").toJobParameters();

    assertThatThrownBy(() -> MigrationRun.fromJobParameters(restore))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not the parameters of a migration run: ");
  }
}
