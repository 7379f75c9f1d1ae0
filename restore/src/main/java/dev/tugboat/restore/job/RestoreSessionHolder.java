package dev.tugboat.restore.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The {@link RestoreSession} of one attempt: opened by the first step that needs it, closed (its
 * local folder deleted) when the attempt ends, however it ends.
 */
final class RestoreSessionHolder implements JobExecutionListener {

  /** Opens the session; may read the store and the cluster. */
  @FunctionalInterface
  interface Opener {
    RestoreSession open() throws IOException;
  }

  private final Opener opener;
  private RestoreSession session;

  RestoreSessionHolder(Opener opener) {
    this.opener = opener;
  }

  synchronized RestoreSession get() throws IOException {
    if (session == null) {
      session = opener.open();
    }
    return session;
  }

  @Override
  public synchronized void afterJob(JobExecution jobExecution) {
    if (session != null) {
      try {
        session.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not delete the restore's work folder", e);
      } finally {
        session = null;
      }
    }
  }
}
