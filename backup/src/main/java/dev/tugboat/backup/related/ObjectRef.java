package dev.tugboat.backup.related;

import dev.tugboat.backup.staging.StagedItem;
import java.util.Comparator;

/**
 * Identifies one object: its type ({@code plural.group}) and where it lives.
 *
 * @param namespace empty for a cluster-scoped object
 */
record ObjectRef(String groupResource, String namespace, String name) {

  /** Namespace, then name: the order in which objects of one type are staged. */
  static final Comparator<ObjectRef> BY_NAMESPACE_AND_NAME =
      Comparator.comparing(ObjectRef::namespace).thenComparing(ObjectRef::name);

  static ObjectRef of(StagedItem item) {
    return new ObjectRef(item.groupResource(), item.namespace(), item.name());
  }

  /** E.g. {@code persistentvolumes "pv-1"} or {@code persistentvolumeclaims "shop/data"}. */
  String describe() {
    return groupResource + " \"" + (namespace.isEmpty() ? name : namespace + "/" + name) + "\"";
  }
}
