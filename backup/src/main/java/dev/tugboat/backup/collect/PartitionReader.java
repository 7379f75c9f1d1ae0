package dev.tugboat.backup.collect;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ListRequestException;
import dev.tugboat.core.cluster.PagedListReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a partition's LIST and turns the two refusals that concern only this type into a recorded
 * problem instead of a failed step: 403 (the backup may not read the type: an error, the backup
 * becomes PartiallyFailed, as in Velero) and 404 (the type went away since discovery, e.g. its CRD
 * was deleted: a warning). Anything else fails the partition, which a restart then runs again.
 */
final class PartitionReader implements ItemStreamReader<JsonObject> {

  private final PagedListReader list;
  private PartitionProblem problem;

  PartitionReader(PagedListReader list) {
    this.list = list;
  }

  @Override
  public void open(ExecutionContext context) {
    list.open(context);
    problem = PartitionProblem.from(context).orElse(null);
  }

  @Override
  public JsonObject read() {
    if (problem != null) {
      return null;
    }
    try {
      return list.read();
    } catch (ListRequestException e) {
      if (e.isForbidden()) {
        problem = PartitionProblem.error(e.getMessage());
      } else if (e.isNotFound()) {
        problem = PartitionProblem.warning(e.getMessage());
      } else {
        throw e;
      }
      return null;
    }
  }

  @Override
  public void update(ExecutionContext context) {
    list.update(context);
    if (problem != null) {
      problem.saveTo(context);
    }
  }

  @Override
  public void close() {
    list.close();
  }
}
