package dev.tugboat.runner;

import dev.tugboat.core.jobs.JobRunStarter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the {@code tugboat} process cleanly on SIGTERM (a Kubernetes eviction, a {@code kill}): the
 * running job stops at its next chunk boundary, ends STOPPED, and the process exits with the code
 * its command returns for it ({@link ExitCodes#FAILED}: run the same command again to resume it).
 *
 * <p>The JVM runs shutdown hooks on SIGTERM while the command still runs in the main thread; this
 * hook asks the job to stop, waits for the command's exit code, then halts with it: a plain {@code
 * System.exit} from the main thread would block behind the hooks, and the JVM would end with the
 * signal's status (143) instead. Nothing else may close the job repository meanwhile, so the
 * application registers no Spring shutdown hook and the embedded H2 database does not close itself
 * on exit ({@code DB_CLOSE_ON_EXIT=FALSE}).
 */
final class StopOnTermination {

  private static final Logger log = LoggerFactory.getLogger(StopOnTermination.class);

  /** Less than Kubernetes' default grace period (30 s), which ends in SIGKILL. */
  static final Duration GRACE = Duration.ofSeconds(20);

  /** For the command to report and close the context once its job has stopped. */
  private static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(5);

  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private volatile JobRunStarter starter;

  private StopOnTermination() {}

  /** Registers the shutdown hook; give it the starter once the application has started. */
  static StopOnTermination install() {
    StopOnTermination termination = new StopOnTermination();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(termination::onTermination, "tugboat-termination"));
    return termination;
  }

  /** The starter whose jobs a termination stops. */
  void stopRunsOf(JobRunStarter jobRunStarter) {
    this.starter = jobRunStarter;
  }

  /** Exits with the command's code, or hands it to the hook when a termination is under way. */
  void exit(int code) {
    exitCode.complete(code);
    System.exit(code);
  }

  private void onTermination() {
    JobRunStarter current = starter;
    if (current == null || exitCode.isDone()) {
      return; // no job can run: the JVM ends as the signal asks
    }
    try {
      List<Long> stopped = current.stopLocalRuns(GRACE);
      if (stopped.isEmpty()) {
        return;
      }
      log.warn(
          "Terminated: stopped job executions {} at a chunk boundary; run the same command again"
              + " to resume",
          stopped);
      Runtime.getRuntime().halt(exitCode.get(EXIT_CODE_WAIT.toSeconds(), TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      Runtime.getRuntime().halt(ExitCodes.FAILED);
    }
  }
}
