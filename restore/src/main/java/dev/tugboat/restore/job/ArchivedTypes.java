package dev.tugboat.restore.job;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The type of an archived group resource, as a restore addresses it: in the version its items were
 * backed up in (Velero restores each item in its own version), with the target cluster's scope,
 * kind and short names when the target serves the type, and otherwise as the items describe it (a
 * custom resource whose definition the restore creates first).
 */
final class ArchivedTypes {

  private ArchivedTypes() {}

  static ApiResource typeOf(SpooledBackup spool, String groupResource, ResourceCatalog target)
      throws IOException {
    StagedItem first = firstItem(spool, groupResource);
    Optional<ApiResource> served = target.forGroupResource(groupResource);
    if (served.isPresent()) {
      ApiResource type = served.get();
      return new ApiResource(
          type.group(),
          first.version(),
          type.plural(),
          type.kind(),
          type.namespaced(),
          type.verbs(),
          type.shortNames(),
          type.preferredVersion());
    }
    return first.type();
  }

  private static StagedItem firstItem(SpooledBackup spool, String groupResource)
      throws IOException {
    AtomicReference<StagedItem> first = new AtomicReference<>();
    spool.readChunk(
        groupResource,
        0,
        item -> {
          if (first.get() == null) {
            first.set(item);
          }
        });
    if (first.get() == null) {
      throw new IllegalStateException("the spool holds an empty chunk of " + groupResource);
    }
    return first.get();
  }
}
