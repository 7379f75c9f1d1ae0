package dev.tugboat.backup.collect;

import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Why a partition listed nothing although it completed: the server refused its LIST. Kept in the
 * partition's execution context, where the publish step finds it for the backup's results.
 *
 * @param error whether it counts as an error (else a warning)
 * @param message the refusal, naming the request
 */
public record PartitionProblem(boolean error, String message) {

  private static final String ERROR_KEY = "list.error";
  private static final String WARNING_KEY = "list.warning";

  static PartitionProblem error(String message) {
    return new PartitionProblem(true, message);
  }

  static PartitionProblem warning(String message) {
    return new PartitionProblem(false, message);
  }

  /** The problem a partition recorded, if any. */
  public static Optional<PartitionProblem> from(ExecutionContext context) {
    if (context.containsKey(ERROR_KEY)) {
      return Optional.of(error(context.getString(ERROR_KEY)));
    }
    if (context.containsKey(WARNING_KEY)) {
      return Optional.of(warning(context.getString(WARNING_KEY)));
    }
    return Optional.empty();
  }

  void saveTo(ExecutionContext context) {
    context.putString(error ? ERROR_KEY : WARNING_KEY, message);
  }
}
