package dev.tugboat.restore.capacity.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What placement rules look at on a node: its name (the {@code kubernetes.io/hostname} label's
 * usual value), labels and taints.
 */
public record NodeShape(String name, Map<String, String> labels, List<Taint> taints) {

  public NodeShape {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
  }
}
