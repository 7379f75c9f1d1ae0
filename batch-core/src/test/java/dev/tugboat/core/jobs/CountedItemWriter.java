package dev.tugboat.core.jobs;

import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts each item with the id of the execution that wrote it, in the chunk transaction, then
 * pauses so that a test can kill the process between chunks. Prints {@code committed <item>}, the
 * last item of the chunk, only once the chunk transaction has committed.
 */
final class CountedItemWriter implements ItemWriter<Integer>, StepExecutionListener {

  private final JdbcTemplate jdbc;
  private final long pauseMillis;
  private long jobExecutionId;

  CountedItemWriter(JdbcTemplate jdbc, long pauseMillis) {
    this.jdbc = jdbc;
    this.pauseMillis = pauseMillis;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    jobExecutionId = stepExecution.getJobExecutionId();
  }

  @Override
  public void write(Chunk<? extends Integer> chunk) throws InterruptedException {
    List<Object[]> rows =
        chunk.getItems().stream().map(item -> new Object[] {item, jobExecutionId}).toList();
    jdbc.batchUpdate("INSERT INTO COUNTED_ITEM (ITEM, JOB_EXECUTION_ID) VALUES (?, ?)", rows);
    int lastItem = chunk.getItems().get(chunk.size() - 1);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            System.out.println("committed " + lastItem);
          }
        });
    Thread.sleep(pauseMillis);
  }
}
