package dev.tugboat.runner.command;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/** Reads the job execution an operator named by its id. */
@Component
public class JobExecutions {

  private final JobRepository jobRepository;

  public JobExecutions(JobRepository jobRepository) {
    this.jobRepository = jobRepository;
  }

  /**
   * @throws IllegalArgumentException when the repository has no such execution
   */
  public JobExecution find(long id) {
    JobExecution execution;
    try {
      execution = jobRepository.getJobExecution(id);
    } catch (EmptyResultDataAccessException e) {
      // The JDBC repository reads the execution's parameters this way: none for a missing id.
      execution = null;
    }
    if (execution == null) {
      throw new IllegalArgumentException(
          "no job execution " + id + " in the job repository; `tugboat jobs list` shows them");
    }
    return execution;
  }
}
