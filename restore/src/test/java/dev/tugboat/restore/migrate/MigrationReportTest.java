package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.migrate.cutover.CutoverAction;
import dev.tugboat.restore.migrate.cutover.CutoverOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationReportTest {

  private static ApplicationOutcome outcome(String name, ApplicationStatus status) {
    return new ApplicationOutcome(
        name,
        2,
        status,
        4,
        2,
        status.runsInTarget() ? 2 : 0,
        "move-shop-" + name,
        1,
        List.of(),
        "2026-11-23T07:00:00Z",
        "2026-11-23T07:05:00Z",
        status == ApplicationStatus.MIGRATED ? "" : "why");
  }

  private static final ApplicationOutcome MIGRATED = outcome("web", ApplicationStatus.MIGRATED);
  private static final ApplicationOutcome DEGRADED = outcome("api", ApplicationStatus.DEGRADED);
  private static final ApplicationOutcome DEFERRED = outcome("etl", ApplicationStatus.DEFERRED);
  private static final ApplicationOutcome FAILED = outcome("db", ApplicationStatus.FAILED);
  private static final ApplicationOutcome FAILED_TOO = outcome("cache", ApplicationStatus.FAILED);

  @Test
  void allMigratedIsCompleted() {
    assertThat(MigrationReport.phaseOf(List.of(MIGRATED, DEGRADED), false))
        .isEqualTo(MigrationPhase.COMPLETED);
  }

  @Test
  void onlyDeferredIsCompleted() {
    assertThat(MigrationReport.phaseOf(List.of(DEFERRED), false))
        .isEqualTo(MigrationPhase.COMPLETED);
  }

  @Test
  void oneFailedAndOneMigratedIsPartiallyCompleted() {
    assertThat(MigrationReport.phaseOf(List.of(FAILED, MIGRATED), false))
        .isEqualTo(MigrationPhase.PARTIALLY_COMPLETED);
  }

  @Test
  void allFailedIsFailed() {
    assertThat(MigrationReport.phaseOf(List.of(FAILED, FAILED_TOO), false))
        .isEqualTo(MigrationPhase.FAILED);
    // Deferred ones do not run in the target either.
    assertThat(MigrationReport.phaseOf(List.of(FAILED, DEFERRED), false))
        .isEqualTo(MigrationPhase.FAILED);
  }

  @Test
  void aFailedCutoverIsPartiallyCompleted() {
    assertThat(MigrationReport.phaseOf(List.of(MIGRATED, DEGRADED), true))
        .isEqualTo(MigrationPhase.PARTIALLY_COMPLETED);
  }

  private static MigrationReport report(List<ApplicationOutcome> applications) {
    return new MigrationReport(
        "move-shop",
        "online",
        MigrationPhase.PARTIALLY_COMPLETED,
        "move-shop",
        "standby",
        "2026-11-23T07:00:00Z",
        "2026-11-23T07:10:00Z",
        "FITS_WITH_DOWNGRADE",
        applications,
        "quiesce",
        "quiesced 1 application",
        List.of(
            new CutoverRecord(
                "web",
                List.of(
                    new CutoverAction(
                        "Deployment", "shop", "web", CutoverOutcome.QUIESCED, "replicas 4 -> 0")))),
        List.of("Deployment tools/debug"));
  }

  @Test
  void roundTripsThroughJsonWithTheStatusesAsWords() {
    ApplicationOutcome stepped =
        new ApplicationOutcome(
            "api",
            1,
            ApplicationStatus.DEGRADED,
            4,
            4,
            3,
            "move-shop-api",
            2,
            List.of(
                new Decision(
                    "2026-11-23T07:01:00Z",
                    "restored by move-shop-api: 12",
                    "0 errors, 0 warnings"),
                new Decision(
                    "2026-11-23T07:03:00Z",
                    "replicas 4 -> 3 (ladder 0.75)",
                    "Deployment shop/api: 1 pod unschedulable: Insufficient cpu")),
            "2026-11-23T07:00:00Z",
            "2026-11-23T07:05:00Z",
            "3 of 4 replicas");
    MigrationReport report = report(List.of(MIGRATED, stepped, DEFERRED, FAILED));

    String json = report.toJson();

    assertThat(json)
        .contains("\"phase\": \"PartiallyCompleted\"")
        .contains("\"status\": \"Migrated\"")
        .contains("\"status\": \"Degraded\"")
        .contains("\"status\": \"Deferred\"")
        .contains("\"status\": \"Failed\"")
        .doesNotContain("MIGRATED")
        .doesNotContain("PARTIALLY_COMPLETED");
    assertThat(MigrationReport.parse(json)).isEqualTo(report);
    assertThat(ApplicationOutcome.fromJson(stepped.toJson())).isEqualTo(stepped);
  }

  @Test
  void countsTheApplicationsByStatus() {
    MigrationReport report = report(List.of(MIGRATED, FAILED, FAILED_TOO, DEFERRED));

    assertThat(report.count(ApplicationStatus.FAILED)).isEqualTo(2);
    assertThat(report.count(ApplicationStatus.MIGRATED)).isEqualTo(1);
    assertThat(report.count(ApplicationStatus.DEGRADED)).isZero();
  }

  @Test
  void theHtmlPageEscapesNamesAndShowsEveryDecision() {
    ApplicationOutcome tricky =
        new ApplicationOutcome(
            "<script>alert(\"x\")</script>",
            2,
            ApplicationStatus.FAILED,
            4,
            2,
            0,
            "move-shop-x",
            2,
            List.of(
                new Decision("2026-11-23T07:01:00Z", "restored by move-shop-x: 3", "a & b"),
                new Decision(
                    "2026-11-23T07:02:00Z", "replicas 2 -> 1 (ladder 0.5)", "Insufficient <cpu>"),
                new Decision("2026-11-23T07:03:00Z", "failed", "short of room at its floor")),
            "2026-11-23T07:00:00Z",
            "2026-11-23T07:05:00Z",
            "short of room at its floor: <none>");

    String html = new MigrationHtml(report(List.of(tricky))).html();

    assertThat(html)
        .doesNotContain("<script>")
        .contains(
            "<tr><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td><td>2</td>"
                + "<td class=\"Failed\">Failed: short of room at its floor: &lt;none&gt;</td>"
                + "<td>4</td><td>2</td><td>0</td><td>2</td><td>"
                + "2026-11-23T07:01:00Z restored by move-shop-x: 3 (a &amp; b)<br>"
                + "2026-11-23T07:02:00Z replicas 2 -&gt; 1 (ladder 0.5)"
                + " (Insufficient &lt;cpu&gt;)<br>"
                + "2026-11-23T07:03:00Z failed (short of room at its floor)<br>"
                + "</td></tr>")
        .contains("<h1>Migration move-shop: PartiallyCompleted</h1>")
        .contains(
            "<p>online, from backup move-shop into standby, 2026-11-23T07:00:00Z to"
                + " 2026-11-23T07:10:00Z. Capacity: FITS_WITH_DOWNGRADE. Cutover: quiesced 1"
                + " application.</p>");
  }
}
