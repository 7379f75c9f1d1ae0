package dev.tugboat.restore.migrate.rollback;

import java.util.List;
import java.util.Objects;

/**
 * A source object that is not as the restart-point backup has it, after normalisation.
 *
 * @param kind e.g. {@code Deployment}
 * @param namespace its namespace
 * @param name its name
 * @param fields the differing fields, e.g. {@code spec.replicas: 3 in the snapshot, 0 live}; the
 *     single entry {@code missing} when the object is not in the source at all
 */
public record SnapshotDifference(String kind, String namespace, String name, List<String> fields) {

  public SnapshotDifference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }
}
