package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.restore.migrate.MigrationRecords;
import dev.tugboat.restore.migrate.MigrationRun;
import java.util.List;

/**
 * The migration being rolled back: its records, and the applications a restore put into the target,
 * in the plan's order.
 */
record RollbackSubject(MigrationRecords records, List<RestoredApplication> restored) {

  RollbackSubject {
    restored = List.copyOf(restored);
  }

  MigrationRun migration() {
    return records.run();
  }
}
