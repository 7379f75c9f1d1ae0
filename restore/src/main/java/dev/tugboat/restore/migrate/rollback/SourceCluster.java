package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;

/**
 * The online source of the migration, reached once the rollback gets to it.
 *
 * @param applier reads and writes its objects
 * @param types the types it serves
 */
record SourceCluster(ResourceApplier applier, ResourceCatalog types) {}
