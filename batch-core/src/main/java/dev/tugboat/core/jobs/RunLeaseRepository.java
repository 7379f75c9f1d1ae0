package dev.tugboat.core.jobs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code TUGBOAT_RUN_LEASE} table, next to Spring Batch's tables in the job repository
 * database. Spring Batch records that an execution is STARTED but not whether its process still
 * exists; this table records who runs it and a heartbeat, so that a later start can tell a live run
 * from one left behind by a killed process.
 *
 * <p>The SQL is valid on H2 and PostgreSQL. Heartbeats are stored as UTC in a {@code TIMESTAMP}
 * column without time zone, so that processes in different time zones compare them correctly, and
 * truncated to milliseconds: both databases keep that exactly, whereas they round finer fractions,
 * which could make a heartbeat look newer than it is.
 */
public class RunLeaseRepository {

  private final JdbcTemplate jdbc;

  public RunLeaseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the table on first use; harmless on later starts. */
  public void createTableIfMissing() {
    jdbc.execute(
        """
        CREATE TABLE IF NOT EXISTS TUGBOAT_RUN_LEASE (
          JOB_EXECUTION_ID BIGINT PRIMARY KEY,
          OWNER VARCHAR(200) NOT NULL,
          HEARTBEAT TIMESTAMP NOT NULL
        )""");
  }

  public void insert(RunLease lease) {
    jdbc.update(
        "INSERT INTO TUGBOAT_RUN_LEASE (JOB_EXECUTION_ID, OWNER, HEARTBEAT) VALUES (?, ?, ?)",
        lease.executionId(),
        lease.owner().toString(),
        toUtc(lease.heartbeat()));
  }

  /**
   * Moves the heartbeat forward.
   *
   * @return false when the row no longer belongs to this owner: another process recovered the
   *     execution in the meantime
   */
  public boolean renew(long executionId, RunOwner owner, Instant heartbeat) {
    int updated =
        jdbc.update(
            "UPDATE TUGBOAT_RUN_LEASE SET HEARTBEAT = ? WHERE JOB_EXECUTION_ID = ? AND OWNER = ?",
            toUtc(heartbeat),
            executionId,
            owner.toString());
    return updated == 1;
  }

  public Optional<RunLease> find(long executionId) {
    return jdbc
        .query(
            "SELECT OWNER, HEARTBEAT FROM TUGBOAT_RUN_LEASE WHERE JOB_EXECUTION_ID = ?",
            (row, number) ->
                new RunLease(
                    executionId,
                    RunOwner.parse(row.getString("OWNER")),
                    row.getObject("HEARTBEAT", LocalDateTime.class).toInstant(ZoneOffset.UTC)),
            executionId)
        .stream()
        .findFirst();
  }

  public void delete(long executionId) {
    jdbc.update("DELETE FROM TUGBOAT_RUN_LEASE WHERE JOB_EXECUTION_ID = ?", executionId);
  }

  private static LocalDateTime toUtc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }
}
