package dev.tugboat.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.PostgresServer;
import dev.tugboat.core.testing.ProcessOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A run killed with SIGKILL in the middle of its chunks is recovered and finished by the same
 * command, with every item written exactly once, on both job repository databases.
 */
class JobRestartAfterKillTest {

  private static final int ITEMS = 100;
  private static final int CHUNK_SIZE = 5;
  private static final List<String> JOB_OPTIONS =
      List.of(
          "-Xmx256m",
          "-XX:TieredStopAtLevel=1",
          "-Dcounting.items=" + ITEMS,
          "-Dcounting.chunk-size=" + CHUNK_SIZE,
          "-Dcounting.pause-millis=100",
          "-Dlogging.level.root=WARN",
          "-Dlogging.level.dev.tugboat=INFO");
  private static final List<String> ARGUMENTS = List.of("kill-test");

  @Test
  void restartsOnH2File(@TempDir Path tugboatHome) throws Exception {
    // The child uses the runner's default URL, under the TUGBOAT_HOME it is given.
    List<String> options = withOptions("-DTUGBOAT_HOME=" + tugboatHome);

    killMidwayThenRerun(options);

    DriverManagerDataSource database =
        new DriverManagerDataSource("jdbc:h2:file:" + tugboatHome.resolve("jobs/tugboat"));
    assertEveryItemWrittenOnceAcrossTwoExecutions(new JdbcTemplate(database));
  }

  @Test
  void restartsOnPostgresql() throws Exception {
    try (PostgresServer postgres = PostgresServer.start("tugboat")) {
      List<String> options =
          withOptions(
              "-Dspring.datasource.url=" + postgres.jdbcUrl(),
              "-Dspring.datasource.username=" + postgres.user());

      killMidwayThenRerun(options);

      DriverManagerDataSource database =
          new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(), "");
      assertEveryItemWrittenOnceAcrossTwoExecutions(new JdbcTemplate(database));
    }
  }

  private static void killMidwayThenRerun(List<String> options) throws Exception {
    Process first = ChildJvm.start(CountingJobApplication.class, options, ARGUMENTS);
    ProcessOutput firstOutput = ProcessOutput.drain(first);
    await("three committed chunks")
        .atMost(Duration.ofSeconds(120))
        .until(() -> lastCommitted(firstOutput) >= 3 * CHUNK_SIZE || !first.isAlive());
    first.destroyForcibly().waitFor();
    assertThat(lastCommitted(firstOutput))
        .as("the first run must be killed midway; its output:%n%s", firstOutput.text())
        .isBetween(3 * CHUNK_SIZE, ITEMS - CHUNK_SIZE);

    Process second = ChildJvm.start(CountingJobApplication.class, options, ARGUMENTS);
    ProcessOutput secondOutput = ProcessOutput.drain(second);
    assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(secondOutput.text()).isZero();
    assertThat(secondOutput.text())
        .contains("ran on this host and its process has ended")
        .contains("finished COMPLETED");
  }

  private static void assertEveryItemWrittenOnceAcrossTwoExecutions(JdbcTemplate jdbc) {
    List<Integer> items = jdbc.queryForList("SELECT ITEM FROM COUNTED_ITEM", Integer.class);
    assertThat(items)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ITEMS).boxed().toList());

    List<Map<String, Object>> executions =
        jdbc.queryForList(
            """
            SELECT e.JOB_EXECUTION_ID, e.STATUS, s.READ_COUNT, s.WRITE_COUNT
            FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            ORDER BY e.JOB_EXECUTION_ID""");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class))
        .isEqualTo(1);
    assertThat(executions)
        .extracting(row -> row.get("STATUS"))
        .containsExactly("FAILED", "COMPLETED");

    Map<String, Object> first = executions.get(0);
    Map<String, Object> second = executions.get(1);
    int writtenByFirst = rowsWrittenBy(jdbc, first);
    assertThat(number(first, "WRITE_COUNT")).isEqualTo(writtenByFirst);
    assertThat(writtenByFirst % CHUNK_SIZE).isZero();
    assertThat(number(second, "READ_COUNT")).isEqualTo(ITEMS - writtenByFirst);
    assertThat(rowsWrittenBy(jdbc, second)).isEqualTo(ITEMS - writtenByFirst);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM TUGBOAT_RUN_LEASE", Integer.class))
        .as("leases of the recovered and of the finished execution")
        .isZero();
  }

  private static int rowsWrittenBy(JdbcTemplate jdbc, Map<String, Object> execution) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM COUNTED_ITEM WHERE JOB_EXECUTION_ID = ?",
        Integer.class,
        execution.get("JOB_EXECUTION_ID"));
  }

  private static int number(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).intValue();
  }

  /** The last item the child reported as committed, 0 before the first commit. */
  private static int lastCommitted(ProcessOutput output) {
    return output.lines().stream()
        .filter(line -> line.startsWith("committed "))
        .mapToInt(line -> Integer.parseInt(line.substring("committed ".length())))
        .max()
        .orElse(0);
  }

  private static List<String> withOptions(String... options) {
    return java.util.stream.Stream.concat(JOB_OPTIONS.stream(), List.of(options).stream()).toList();
  }
}
