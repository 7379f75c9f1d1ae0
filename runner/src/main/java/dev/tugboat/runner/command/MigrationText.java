package dev.tugboat.runner.command;

import dev.tugboat.restore.migrate.ApplicationOutcome;
import dev.tugboat.restore.migrate.Decision;
import dev.tugboat.restore.migrate.MigrationReport;
import dev.tugboat.runner.Printer;

/** A migration report as text: a table of applications, then each one's decisions. */
final class MigrationText {

  private MigrationText() {}

  static void print(Printer printer, MigrationReport report) {
    printer.line(
        "Migration %s %s (%s, from backup %s into %s): capacity %s; cutover: %s",
        report.id(),
        report.phase().word(),
        report.mode(),
        report.sourceBackup(),
        report.target(),
        report.capacityVerdict(),
        report.cutoverResult());
    TextTable table =
        new TextTable("APPLICATION", "TIER", "STATUS", "SOURCE", "PLANNED", "FINAL", "ATTEMPTS");
    for (ApplicationOutcome application : report.applications()) {
      table.add(
          application.name(),
          Integer.toString(application.tier()),
          application.status().word(),
          Integer.toString(application.sourceReplicas()),
          Integer.toString(application.plannedReplicas()),
          Integer.toString(application.finalReplicas()),
          Integer.toString(application.attempts()));
    }
    table.print(printer);
    for (ApplicationOutcome application : report.applications()) {
      if (!application.reason().isEmpty()) {
        printer.line("%s: %s", application.name(), application.reason());
      }
      for (Decision decision : application.decisions()) {
        printer.line(
            "  %s %s: %s (%s)",
            decision.at(), application.name(), decision.action(), decision.reason());
      }
    }
    if (!report.unassigned().isEmpty()) {
      printer.line(
          "Not moved (no application claims them): %s", String.join(", ", report.unassigned()));
    }
  }
}
