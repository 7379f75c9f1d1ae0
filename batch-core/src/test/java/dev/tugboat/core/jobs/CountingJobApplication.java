package dev.tugboat.core.jobs;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A Spring Boot application with one chunk-oriented job, "counting", that writes the integers 1..N
 * into the table {@code COUNTED_ITEM} of the job repository's own database, in the chunk
 * transaction. Committed chunks are therefore exact, and a restart must neither repeat nor lose an
 * item. Run as a child JVM by {@link JobRestartAfterKillTest}, in-process by {@link
 * JobRunStarterTest}.
 *
 * <p>Its defaults are the job repository properties the Tugboat runner uses; {@code -D} options
 * override them (a PostgreSQL URL, {@code TUGBOAT_HOME}, the item count...).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(JobsConfiguration.class)
public class CountingJobApplication {

  /** The runner's job repository settings; see the report of the jobs package. */
  static final Map<String, Object> RUNNER_PROPERTIES =
      Map.of(
          "spring.datasource.url",
          "jdbc:h2:file:${TUGBOAT_HOME:${user.home}/.tugboat}/jobs/tugboat;WRITE_DELAY=0",
          "spring.batch.jdbc.initialize-schema",
          "always",
          "spring.batch.job.enabled",
          "false",
          "spring.main.banner-mode",
          "off");

  /**
   * Runs the job once and exits with 0 when it completed, 1 otherwise.
   *
   * @param args the run id, the only identifying job parameter
   */
  public static void main(String[] args) throws Exception {
    SpringApplication application = new SpringApplication(CountingJobApplication.class);
    application.setDefaultProperties(RUNNER_PROPERTIES);
    JobExecution execution;
    try (ConfigurableApplicationContext context = application.run()) {
      execution =
          context.getBean(JobRunStarter.class).run(context.getBean(Job.class), parameters(args[0]));
    }
    System.out.println("finished " + execution.getStatus());
    System.exit(execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1);
  }

  static JobParameters parameters(String runId) {
    return new JobParametersBuilder().addString("runId", runId).toJobParameters();
  }

  @Bean
  Job countingJob(JobRepository jobRepository, Step countingStep) {
    return new JobBuilder("counting", jobRepository).start(countingStep).build();
  }

  @Bean
  Step countingStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      DataSource dataSource,
      @Value("${counting.items:100}") int items,
      @Value("${counting.chunk-size:5}") int chunkSize,
      @Value("${counting.pause-millis:0}") long pauseMillis) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS COUNTED_ITEM (ITEM INT NOT NULL, JOB_EXECUTION_ID BIGINT NOT"
            + " NULL)");
    CountedItemWriter writer = new CountedItemWriter(jdbc, pauseMillis);
    return new StepBuilder("count", jobRepository)
        .<Integer, Integer>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(new CountingReader(items))
        .writer(writer)
        .listener(writer)
        .build();
  }
}
