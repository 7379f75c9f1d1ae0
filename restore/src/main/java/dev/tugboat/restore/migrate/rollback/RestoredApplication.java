package dev.tugboat.restore.migrate.rollback;

import java.util.Objects;

/**
 * An application of the migration whose objects a restore put into the target.
 *
 * @param name the application
 * @param tier 0 (core) to 3 (sheddable)
 * @param restore its restore, {@code <migration>-<application>}
 */
record RestoredApplication(String name, int tier, String restore) {

  RestoredApplication {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(restore, "restore");
  }
}
