package dev.tugboat.restore.capacity.report;

import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.Check;
import dev.tugboat.restore.capacity.planner.LadderStep;
import dev.tugboat.restore.capacity.planner.ReplicaChange;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The capacity plan as one self-contained HTML5 page, what {@code tugboat capacity --report}
 * writes: a verdict banner (green, amber or red) with the checks, the ladder steps taken, a table
 * per application and, per node, a bar per resource showing the allocatable used before the move
 * and added by it. Inline CSS only, no scripts or external references, so it survives being mailed
 * and prints in colour. The same plan always gives the same bytes.
 */
public final class HtmlReport {

  private static final String STYLE =
      """
      body { font-family: sans-serif; margin: 2em; color: #222; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h1 { font-size: 1.5em; margin-bottom: 0.5em; }
      table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
      th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; vertical-align: middle; }
      .verdict { padding: 0.6em 1em; border-radius: 4px; color: #fff; font-weight: bold; }
      .fits { background: #2e7d32; }
      .fits-with-downgrade { background: #e69500; }
      .does-not-fit { background: #c62828; }
      .summary { margin: 0.6em 0 1em; }
      .ok { color: #2e7d32; font-weight: bold; }
      .fail { color: #c62828; font-weight: bold; }
      table.apps th, table.apps td { border-bottom: 1px solid #ddd; }
      table.apps td.count { text-align: right; }
      tr.short td { color: #c62828; }
      tr.deferred td { color: #888; font-style: italic; }
      .legend span { display: inline-block; width: 1em; height: 0.8em; margin: 0 0.3em 0 1em; }
      section.node { break-inside: avoid; page-break-inside: avoid; }
      section.node h3 { margin: 0.8em 0 0; font-size: 1em; }
      table.bars { width: 100%; margin-top: 0.2em; table-layout: fixed; }
      table.bars th { width: 10em; font-weight: normal; }
      td.bar { width: 45%; }
      div.track { display: flex; height: 0.9em; border: 1px solid #999; background: #f4f4f4; }
      .before { background: #9e9e9e; }
      .added { background: #1e6fd9; }
      td.numbers { padding-left: 0.8em; white-space: nowrap; font-family: monospace; }
      tr.over td.numbers { color: #c62828; font-weight: bold; }
      """;

  private HtmlReport() {}

  /**
   * @param title the page's title and heading, e.g. {@code Capacity: shop from A to B}
   */
  public static String render(CapacityPlan plan, String title) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n");
    appendVerdict(html, plan);
    appendChecks(html, plan);
    appendSteps(html, plan);
    appendApplications(html, plan);
    html.append("<h2>Nodes</h2>\n<p class=\"legend\">Each bar is the node's allocatable:")
        .append("<span class=\"before\"></span>used before the move")
        .append("<span class=\"added\"></span>added by the move")
        .append(plan.pendingPods().placed() > 0 ? " and the pending pods" : "")
        .append("</p>\n");
    NodeBars.append(html, plan.nodes());
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static void appendVerdict(StringBuilder html, CapacityPlan plan) {
    String cssClass =
        switch (plan.verdict()) {
          case FITS -> "fits";
          case FITS_WITH_DOWNGRADE -> "fits-with-downgrade";
          case DOES_NOT_FIT -> "does-not-fit";
        };
    String label =
        switch (plan.verdict()) {
          case FITS -> "Fits as it is";
          case FITS_WITH_DOWNGRADE -> "Fits with the downgrade below";
          case DOES_NOT_FIT -> "Does not fit, even at the floors";
        };
    html.append(
        String.format(
            Locale.ROOT,
            "<p class=\"verdict %s\">%s (exit %d)</p>\n"
                + "<p class=\"summary\">%d of %d planned replicas placed; a best-fit packing"
                + " would leave %d unplaced. Headroom: %s. When short: %s.</p>\n",
            cssClass,
            label,
            plan.verdict().exitCode(),
            plan.placedReplicas(),
            plan.plannedReplicas(),
            plan.bestFitUnplaced(),
            Html.escape(plan.headroom()),
            Html.escape(plan.onInsufficientCapacity())));
    if (plan.pendingPods().found() > 0) {
      html.append("<p class=\"summary\">Pending pods: ")
          .append(Html.escape(plan.pendingPods().summary()))
          .append("; they take room before the applications.</p>\n");
    }
  }

  private static void appendChecks(StringBuilder html, CapacityPlan plan) {
    html.append("<h2>Checks</h2>\n<table class=\"checks\">\n")
        .append("<tr><th>CHECK</th><th>RESULT</th><th>REASON</th></tr>\n");
    for (Check check : plan.checks()) {
      html.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td class=\"%s\">%s</td><td>%s</td></tr>\n",
              Html.escape(check.name()),
              check.passed() ? "ok" : "fail",
              check.passed() ? "ok" : "FAIL",
              Html.escape(check.reason())));
    }
    html.append("</table>\n");
  }

  private static void appendSteps(StringBuilder html, CapacityPlan plan) {
    html.append("<h2>Ladder steps</h2>\n");
    if (plan.steps().isEmpty()) {
      html.append("<p>None: no application was scaled down.</p>\n");
    } else {
      html.append("<ol class=\"steps\">\n");
      for (LadderStep step : plan.steps()) {
        html.append(
            String.format(
                Locale.ROOT,
                "<li>tier %d to %s: %s</li>\n",
                step.tier(),
                Html.escape(step.rung()),
                step.changes().stream().map(HtmlReport::change).collect(Collectors.joining(", "))));
      }
      html.append("</ol>\n");
    }
    if (!plan.unassigned().isEmpty()) {
      html.append("<p>Not moved (no application): ")
          .append(Html.escape(String.join(", ", plan.unassigned())))
          .append("</p>\n");
    }
  }

  private static String change(ReplicaChange change) {
    return Html.escape(change.application()) + " " + change.from() + " &rarr; " + change.to();
  }

  private static void appendApplications(StringBuilder html, CapacityPlan plan) {
    html.append("<h2>Applications</h2>\n<table class=\"apps\">\n<tr><th>APP</th><th>TIER</th>")
        .append("<th>SOURCE</th><th>PLANNED</th><th>PLACED</th><th>UNPLACED</th>")
        .append("<th>BINDING</th></tr>\n");
    for (ApplicationResult app : plan.applications()) {
      String rowClass =
          app.deferred() ? " class=\"deferred\"" : app.unplaced() > 0 ? " class=\"short\"" : "";
      String binding = app.deferred() ? "deferred" : app.binding() == null ? "-" : app.binding();
      html.append(
          String.format(
              Locale.ROOT,
              "<tr%s><td>%s</td><td class=\"count\">%d</td><td class=\"count\">%d</td>"
                  + "<td class=\"count\">%d</td><td class=\"count\">%d</td>"
                  + "<td class=\"count\">%d</td><td>%s</td></tr>\n",
              rowClass,
              Html.escape(app.name()),
              app.tier(),
              app.sourceReplicas(),
              app.plannedReplicas(),
              app.placed(),
              app.unplaced(),
              Html.escape(binding)));
    }
    html.append("</table>\n");
  }
}
