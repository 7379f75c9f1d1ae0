package dev.tugboat.runner.command;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds job execution ids in the job repository's tables, a page at a time, newest first. Spring
 * Batch's {@code JobRepository} lists instances of one job name at a time, and an old instance may
 * have a new execution; one query over the executions sorts all jobs' executions at once. The
 * executions themselves are then read through the {@code JobRepository}. The SQL is valid on H2 and
 * PostgreSQL.
 */
@Component
public class JobExecutionIndex {

  /**
   * Which executions to find; a null or empty field does not filter.
   *
   * @param statuses the statuses to keep
   * @param createdAfter executions created at or after this instant
   * @param endedBefore finished executions that ended (or, without an end time, were created)
   *     before this instant
   * @param jobName executions of this job
   */
  public record Filter(
      Collection<BatchStatus> statuses,
      Instant createdAfter,
      Instant endedBefore,
      String jobName) {}

  private final JdbcTemplate jdbc;
  private final String prefix;

  public JobExecutionIndex(
      DataSource dataSource, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String prefix) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.prefix = prefix;
  }

  /** Up to {@code count} ids, skipping the {@code offset} newest that match. */
  public List<Long> newestFirst(Filter filter, int offset, int count) {
    StringBuilder sql =
        new StringBuilder("SELECT e.JOB_EXECUTION_ID FROM ")
            .append(prefix)
            .append("JOB_EXECUTION e JOIN ")
            .append(prefix)
            .append("JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      sql.append(" AND e.STATUS IN (")
          .append(String.join(", ", filter.statuses().stream().map(s -> "?").toList()))
          .append(")");
      filter.statuses().forEach(status -> arguments.add(status.name()));
    }
    if (filter.createdAfter() != null) {
      sql.append(" AND e.CREATE_TIME >= ?");
      arguments.add(local(filter.createdAfter()));
    }
    if (filter.endedBefore() != null) {
      sql.append(" AND COALESCE(e.END_TIME, e.CREATE_TIME) < ?");
      arguments.add(local(filter.endedBefore()));
    }
    if (filter.jobName() != null) {
      sql.append(" AND i.JOB_NAME = ?");
      arguments.add(filter.jobName());
    }
    sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ? OFFSET ?");
    arguments.add(count);
    arguments.add(offset);
    return jdbc.queryForList(sql.toString(), Long.class, arguments.toArray());
  }

  /** Spring Batch stores local times of the writing JVM's zone. */
  private static LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
  }
}
