package dev.tugboat.samples.e2e;

import java.util.Comparator;

/**
 * Identifies one backed-up object the way Velero's archive does.
 *
 * @param groupResource e.g. {@code deployments.apps}, or {@code pods} for the core group
 * @param namespace the object's namespace; empty for a cluster-scoped object
 * @param name the object's name
 */
public record ItemKey(String groupResource, String namespace, String name)
    implements Comparable<ItemKey> {

  private static final Comparator<ItemKey> ORDER =
      Comparator.comparing(ItemKey::groupResource)
          .thenComparing(ItemKey::namespace)
          .thenComparing(ItemKey::name);

  @Override
  public int compareTo(ItemKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return groupResource + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
