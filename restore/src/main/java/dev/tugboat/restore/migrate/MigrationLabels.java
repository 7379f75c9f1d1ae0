package dev.tugboat.restore.migrate;

/** The labels and annotations a migration puts on what it creates in the target. */
public final class MigrationLabels {

  /** On every object a migration restores: the migration's id. */
  public static final String MIGRATION = "tugboat.dev/migration";

  /** On every namespaced object a migration restores: its application. */
  public static final String APPLICATION = "tugboat.dev/app";

  /** On every scaled workload: its replicas in the source, which a later run may return to. */
  public static final String SOURCE_REPLICAS = "tugboat.dev/source-replicas";

  private MigrationLabels() {}
}
