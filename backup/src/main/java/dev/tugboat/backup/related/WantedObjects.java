package dev.tugboat.backup.related;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The objects found to be referred to, per type, each with what first referred to it (for
 * messages). Adding an object twice keeps one entry.
 */
final class WantedObjects {

  private final Map<RelatedType, SortedMap<ObjectRef, String>> byType =
      new EnumMap<>(RelatedType.class);

  /**
   * @param namespace empty for a cluster-scoped type
   * @param referrer e.g. {@code claimed by pod shop/web-0}
   */
  void add(RelatedType type, String namespace, String name, String referrer) {
    byType
        .computeIfAbsent(type, t -> new TreeMap<>(ObjectRef.BY_NAMESPACE_AND_NAME))
        .putIfAbsent(new ObjectRef(type.groupResource(), namespace, name), referrer);
  }

  /** The wanted objects of a type, by namespace and name, each with its referrer. */
  SortedMap<ObjectRef, String> of(RelatedType type) {
    return byType.getOrDefault(type, new TreeMap<>(ObjectRef.BY_NAMESPACE_AND_NAME));
  }
}
