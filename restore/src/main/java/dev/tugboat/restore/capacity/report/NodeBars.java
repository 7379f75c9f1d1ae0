package dev.tugboat.restore.capacity.report;

import dev.tugboat.restore.capacity.planner.NodeResult;
import dev.tugboat.restore.capacity.resources.Amounts;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The per-node section of the page: for each node, by name, one bar per resource whose full width
 * is the node's allocatable, split into what was used before (grey) and what the move adds (blue).
 */
final class NodeBars {

  /** Always shown, in this order, even when a node does not list them; other resources follow. */
  private static final List<String> MAIN_RESOURCES =
      List.of(ResourceVector.CPU, ResourceVector.MEMORY, ResourceVector.PODS);

  private NodeBars() {}

  static void append(StringBuilder html, List<NodeResult> nodes) {
    List<NodeResult> byName = new ArrayList<>(nodes);
    byName.sort(Comparator.comparing(NodeResult::node));
    for (NodeResult node : byName) {
      html.append("<section class=\"node\">\n<h3>")
          .append(Html.escape(node.node()))
          .append("</h3>\n<table class=\"bars\">\n");
      for (String resource : resources(node)) {
        appendRow(html, resource, node);
      }
      html.append("</table>\n</section>\n");
    }
  }

  private static List<String> resources(NodeResult node) {
    TreeSet<String> others = new TreeSet<>(node.allocatable().keySet());
    others.addAll(node.before().keySet());
    others.addAll(node.after().keySet());
    others.removeAll(MAIN_RESOURCES);
    List<String> resources = new ArrayList<>(MAIN_RESOURCES);
    resources.addAll(others);
    return resources;
  }

  private static void appendRow(StringBuilder html, String resource, NodeResult node) {
    long allocatable = amount(node.allocatable(), resource);
    long before = amount(node.before(), resource);
    long after = amount(node.after(), resource);
    // A node can already be over its allocatable (pods bound before a resize, Terminating pods):
    // the bar stops at its full width and the row says so.
    boolean over = after > allocatable;
    double beforeWidth = share(Math.min(before, allocatable), allocatable);
    double addedWidth = share(Math.max(0, Math.min(after, allocatable) - before), allocatable);
    html.append(
        String.format(
            Locale.ROOT,
            "<tr class=\"usage%s\"><th scope=\"row\">%s</th><td class=\"bar\"><div class=\"track\">"
                + "<span class=\"before\" style=\"width:%.2f%%\"></span>"
                + "<span class=\"added\" style=\"width:%.2f%%\"></span></div></td>"
                + "<td class=\"numbers\">%s + %s = %s of %s (%s)</td></tr>\n",
            over ? " over" : "",
            Html.escape(resource),
            beforeWidth,
            addedWidth,
            Amounts.format(resource, before),
            Amounts.format(resource, after - before),
            Amounts.format(resource, after),
            Amounts.format(resource, allocatable),
            allocatable == 0
                ? "none allocatable"
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * after / allocatable)
                    + (over ? ", over allocatable" : "")));
  }

  private static long amount(Map<String, Long> amounts, String resource) {
    return amounts.getOrDefault(resource, 0L);
  }

  /** Percent of {@code allocatable}; 0 for a resource the node does not offer. */
  private static double share(long amount, long allocatable) {
    return allocatable == 0 ? 0 : 100.0 * amount / allocatable;
  }
}
