package dev.tugboat.restore.migrate;

import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The report as one self-contained HTML page: the migration's phase and a row per application, with
 * every decision and its reason.
 */
final class MigrationHtml implements BodyWriter {

  private final MigrationReport report;

  MigrationHtml(MigrationReport report) {
    this.report = report;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(html().getBytes(StandardCharsets.UTF_8));
  }

  String html() {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Migration ")
        .append(escape(report.id()))
        .append("</title><style>body{font-family:sans-serif;margin:2em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:left;vertical-align:top}.Failed{color:#b00}.Degraded{color:#a60}")
        .append(".Deferred{color:#666}.Migrated{color:#070}</style></head><body>\n")
        .append("<h1>Migration ")
        .append(escape(report.id()))
        .append(": ")
        .append(report.phase().word())
        .append("</h1>\n<p>")
        .append(escape(report.mode()))
        .append(", from backup ")
        .append(escape(report.sourceBackup()))
        .append(" into ")
        .append(escape(report.target()))
        .append(", ")
        .append(escape(report.started()))
        .append(" to ")
        .append(escape(report.finished()))
        .append(". Capacity: ")
        .append(escape(report.capacityVerdict()))
        .append(". Cutover: ")
        .append(escape(report.cutoverResult()))
        .append(".</p>\n<table><tr><th>Application</th><th>Tier</th><th>Status</th>")
        .append("<th>Source</th><th>Planned</th><th>Final</th><th>Attempts</th>")
        .append("<th>Decisions</th></tr>\n");
    for (ApplicationOutcome application : report.applications()) {
      html.append("<tr><td>")
          .append(escape(application.name()))
          .append("</td><td>")
          .append(application.tier())
          .append("</td><td class=\"")
          .append(application.status().word())
          .append("\">")
          .append(application.status().word())
          .append(application.reason().isEmpty() ? "" : ": " + escape(application.reason()))
          .append("</td><td>")
          .append(application.sourceReplicas())
          .append("</td><td>")
          .append(application.plannedReplicas())
          .append("</td><td>")
          .append(application.finalReplicas())
          .append("</td><td>")
          .append(application.attempts())
          .append("</td><td>");
      for (Decision decision : application.decisions()) {
        html.append(escape(decision.at()))
            .append(" ")
            .append(escape(decision.action()))
            .append(" (")
            .append(escape(decision.reason()))
            .append(")<br>");
      }
      html.append("</td></tr>\n");
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
