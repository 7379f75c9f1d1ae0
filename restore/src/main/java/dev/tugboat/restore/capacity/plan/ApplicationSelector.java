package dev.tugboat.restore.capacity.plan;

import dev.tugboat.core.selection.LabelSelector;
import java.util.List;
import java.util.Objects;

/**
 * The objects of one application, in the style of Karmada's {@code ResourceSelector}: all the
 * conditions given must hold.
 *
 * @param namespaces the source namespaces (at least one)
 * @param kinds the kinds, e.g. {@code Deployment}; empty for every kind
 * @param names the object names; empty for every name
 * @param labelSelector the labels the objects carry; {@link LabelSelector#everything()} for any.
 *     Never given together with names, since Karmada ignores the labels when a name is set
 */
public record ApplicationSelector(
    List<String> namespaces, List<String> kinds, List<String> names, LabelSelector labelSelector) {

  public ApplicationSelector {
    namespaces = List.copyOf(namespaces);
    kinds = List.copyOf(kinds);
    names = List.copyOf(names);
    Objects.requireNonNull(labelSelector, "labelSelector");
  }
}
