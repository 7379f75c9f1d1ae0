package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.resources.Amounts;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code tugboat capacity --output text} prints: the verdict, the target's pending pods when
 * there are any, the checks, the ladder steps taken, the workloads not moved, a table per
 * application and a table per node (before and after the planned replicas land, over allocatable).
 */
public final class CapacityReportText {

  private CapacityReportText() {}

  public static String render(CapacityPlan plan) {
    StringBuilder text = new StringBuilder();
    text.append(verdictLine(plan)).append('\n');
    if (plan.pendingPods().found() > 0) {
      text.append("Pending pods: ").append(plan.pendingPods().summary()).append('\n');
    }
    text.append("Checks:\n");
    List<List<String>> checks = new ArrayList<>();
    for (Check check : plan.checks()) {
      checks.add(List.of("  " + check.name(), check.passed() ? "ok" : "FAIL", check.reason()));
    }
    text.append(Columns.format(List.of("  CHECK", "RESULT", "REASON"), checks));
    if (!plan.steps().isEmpty()) {
      text.append("Ladder steps:\n");
      int number = 1;
      for (LadderStep step : plan.steps()) {
        text.append(
            String.format(
                "  %d. tier %d to %s: %s%n",
                number++,
                step.tier(),
                step.rung(),
                step.changes().stream()
                    .map(change -> change.application() + " " + change.from() + "->" + change.to())
                    .collect(Collectors.joining(", "))));
      }
    }
    if (!plan.unassigned().isEmpty()) {
      text.append("Not moved (no application): ")
          .append(String.join(", ", plan.unassigned()))
          .append('\n');
    }
    text.append('\n').append(applicationTable(plan));
    text.append('\n').append(nodeTable(plan));
    return text.toString();
  }

  private static String verdictLine(CapacityPlan plan) {
    String head = plan.verdict() + " (exit " + plan.verdict().exitCode() + "): ";
    return switch (plan.verdict()) {
      case FITS -> head + "every application fits as it is";
      case FITS_WITH_DOWNGRADE -> head + "fits after " + plan.steps().size() + " ladder step(s)";
      case DOES_NOT_FIT ->
          head
              + (plan.plannedReplicas() - plan.placedReplicas())
              + " replica(s) do not fit even at the floors"
              + (plan.onInsufficientCapacity().equals("partial")
                  ? "; partial: "
                      + plan.placedReplicas()
                      + " of "
                      + plan.plannedReplicas()
                      + " planned replicas would be placed"
                  : "");
    };
  }

  private static String applicationTable(CapacityPlan plan) {
    List<List<String>> rows = new ArrayList<>();
    for (ApplicationResult app : plan.applications()) {
      String binding = app.deferred() ? "deferred" : app.binding() == null ? "-" : app.binding();
      rows.add(
          List.of(
              app.name(),
              Integer.toString(app.tier()),
              Integer.toString(app.sourceReplicas()),
              Integer.toString(app.plannedReplicas()),
              Integer.toString(app.placed()),
              Integer.toString(app.unplaced()),
              binding));
    }
    return Columns.format(
        List.of("APP", "TIER", "SOURCE", "PLANNED", "PLACED", "UNPLACED", "BINDING"), rows);
  }

  private static String nodeTable(CapacityPlan plan) {
    List<List<String>> rows = new ArrayList<>();
    for (NodeResult node : plan.nodes()) {
      rows.add(
          List.of(
              node.node(),
              usage(node, ResourceVector.CPU),
              usage(node, ResourceVector.MEMORY),
              usage(node, ResourceVector.PODS)));
    }
    return Columns.format(List.of("NODE", "CPU", "MEMORY", "PODS"), rows);
  }

  /** E.g. {@code 500m->2500m/4}: before, after, allocatable. */
  private static String usage(NodeResult node, String resource) {
    return amount(resource, node.before())
        + "->"
        + amount(resource, node.after())
        + "/"
        + amount(resource, node.allocatable());
  }

  private static String amount(String resource, Map<String, Long> amounts) {
    return Amounts.format(resource, amounts.getOrDefault(resource, 0L));
  }
}
