package dev.tugboat.restore.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.Check;
import dev.tugboat.restore.capacity.planner.LadderStep;
import dev.tugboat.restore.capacity.planner.NodeResult;
import dev.tugboat.restore.capacity.planner.PendingPods;
import dev.tugboat.restore.capacity.planner.ReplicaChange;
import dev.tugboat.restore.capacity.planner.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page of a hand-made plan: two nodes given out of name order (node-b with a GPU), a tier-0 app
 * kept whole, a tier-3 app short of cpu and a deferred one.
 */
class HtmlReportTest {

  private static final long GI = 1L << 30;
  private static final long MI = 1L << 20;

  private static final ApplicationResult WEB =
      new ApplicationResult("web", 0, 3, 3, 3, 0, null, false);
  private static final ApplicationResult BATCH =
      new ApplicationResult("batch", 3, 4, 2, 1, 1, "cpu", false);
  private static final ApplicationResult REPORTS =
      new ApplicationResult("reports", 3, 2, 0, 0, 0, null, true);

  private static final NodeResult NODE_A =
      new NodeResult(
          "node-a",
          Map.of("cpu", 4000L, "memory", 16 * GI, "pods", 110L),
          Map.of("cpu", 500L, "memory", 2 * GI, "pods", 11L),
          Map.of("cpu", 3500L, "memory", 6 * GI, "pods", 22L));
  private static final NodeResult NODE_B =
      new NodeResult(
          "node-b",
          Map.of("cpu", 2000L, "memory", 8 * GI, "pods", 110L, "nvidia.com/gpu", 2L),
          Map.of("cpu", 1000L, "memory", 1536 * MI, "pods", 5L),
          Map.of("cpu", 2000L, "memory", 1536 * MI, "pods", 7L, "nvidia.com/gpu", 1L));

  private static CapacityPlan plan(
      Verdict verdict, List<ApplicationResult> applications, List<NodeResult> nodes) {
    return new CapacityPlan(
        verdict,
        "partial",
        "5% of cpu and memory",
        PendingPods.NONE,
        List.of(
            new Check("quota", true, "every replica admitted"),
            new Check("spread", false, "4 of 5 admitted replicas placed")),
        List.of(
            new LadderStep(3, "0.5", List.of(new ReplicaChange("batch", 4, 2))),
            new LadderStep(3, "deferred", List.of(new ReplicaChange("reports", 2, 0)))),
        applications,
        List.of(),
        List.of("Deployment tools/debug"),
        nodes,
        1);
  }

  private static CapacityPlan example() {
    return plan(Verdict.DOES_NOT_FIT, List.of(WEB, BATCH, REPORTS), List.of(NODE_B, NODE_A));
  }

  private static List<String> linesStartingWith(String html, String prefix) {
    return html.lines().filter(line -> line.startsWith(prefix)).toList();
  }

  @Test
  void pendingPodsAreSaidUnderTheVerdictAndInTheLegendWhenSomeWerePlaced() {
    CapacityPlan example = example();
    CapacityPlan withPending =
        new CapacityPlan(
            example.verdict(),
            example.onInsufficientCapacity(),
            example.headroom(),
            new PendingPods(3, 2),
            example.checks(),
            example.steps(),
            example.applications(),
            example.workloads(),
            example.unassigned(),
            example.nodes(),
            example.bestFitUnplaced());

    String html = HtmlReport.render(withPending, "t");

    assertThat(html)
        .contains(
            "<p class=\"summary\">Pending pods: 3 found in the target, 2 placed ahead of the"
                + " applications; they take room before the applications.</p>\n")
        .contains("<span class=\"added\"></span>added by the move and the pending pods</p>");
    assertThat(HtmlReport.render(example, "t"))
        .doesNotContain("Pending pods")
        .contains("<span class=\"added\"></span>added by the move</p>");
  }

  @Test
  void theVerdictBannerCarriesTheVerdictsColourClass() {
    assertThat(HtmlReport.render(example(), "t"))
        .contains(
            "<p class=\"verdict does-not-fit\">Does not fit, even at the floors (exit 4)</p>\n"
                + "<p class=\"summary\">4 of 5 planned replicas placed; a best-fit packing would"
                + " leave 1 unplaced. Headroom: 5% of cpu and memory. When short: partial.</p>\n");
    assertThat(HtmlReport.render(plan(Verdict.FITS, List.of(WEB), List.of()), "t"))
        .contains("<p class=\"verdict fits\">Fits as it is (exit 0)</p>");
    assertThat(HtmlReport.render(plan(Verdict.FITS_WITH_DOWNGRADE, List.of(WEB), List.of()), "t"))
        .contains(
            "<p class=\"verdict fits-with-downgrade\">Fits with the downgrade below (exit 3)</p>");
  }

  @Test
  void listsTheChecksTheLadderStepsAndTheUnassignedWorkloads() {
    String html = HtmlReport.render(example(), "t");
    assertThat(linesStartingWith(html, "<tr><td>"))
        .filteredOn(line -> !line.contains("class=\"count\""))
        .containsExactly(
            "<tr><td>quota</td><td class=\"ok\">ok</td><td>every replica admitted</td></tr>",
            "<tr><td>spread</td><td class=\"fail\">FAIL</td>"
                + "<td>4 of 5 admitted replicas placed</td></tr>");
    assertThat(linesStartingWith(html, "<li>"))
        .containsExactly(
            "<li>tier 3 to 0.5: batch 4 &rarr; 2</li>",
            "<li>tier 3 to deferred: reports 2 &rarr; 0</li>");
    assertThat(html).contains("<p>Not moved (no application): Deployment tools/debug</p>\n");
  }

  @Test
  void oneTableRowPerApplicationWithShortAndDeferredRowsMarked() {
    assertThat(linesStartingWith(HtmlReport.render(example(), "t"), "<tr"))
        .filteredOn(line -> line.contains("class=\"count\""))
        .containsExactly(
            "<tr><td>web</td><td class=\"count\">0</td><td class=\"count\">3</td>"
                + "<td class=\"count\">3</td><td class=\"count\">3</td>"
                + "<td class=\"count\">0</td><td>-</td></tr>",
            "<tr class=\"short\"><td>batch</td><td class=\"count\">3</td><td class=\"count\">4</td>"
                + "<td class=\"count\">2</td><td class=\"count\">1</td>"
                + "<td class=\"count\">1</td><td>cpu</td></tr>",
            "<tr class=\"deferred\"><td>reports</td><td class=\"count\">3</td>"
                + "<td class=\"count\">2</td><td class=\"count\">0</td><td class=\"count\">0</td>"
                + "<td class=\"count\">0</td><td>deferred</td></tr>");
  }

  @Test
  void oneBarPerNodeAndResourceNodesByNameCpuMemoryPodsFirst() {
    String html = HtmlReport.render(example(), "t");
    assertThat(linesStartingWith(html, "<h3>"))
        .containsExactly("<h3>node-a</h3>", "<h3>node-b</h3>");
    assertThat(linesStartingWith(html, "<tr class=\"usage"))
        .containsExactly(
            bar("cpu", "12.50", "75.00", "500m + 3 = 3500m of 4 (87.5%)"),
            bar("memory", "12.50", "25.00", "2Gi + 4Gi = 6Gi of 16Gi (37.5%)"),
            bar("pods", "10.00", "10.00", "11 + 11 = 22 of 110 (20.0%)"),
            bar("cpu", "50.00", "50.00", "1 + 1 = 2 of 2 (100.0%)"),
            bar("memory", "18.75", "0.00", "1536Mi + 0 = 1536Mi of 8Gi (18.8%)"),
            bar("pods", "4.55", "1.82", "5 + 2 = 7 of 110 (6.4%)"),
            bar("nvidia.com/gpu", "0.00", "50.00", "0 + 1 = 1 of 2 (50.0%)"));
  }

  @Test
  void aNodeAlreadyOverItsAllocatableFillsTheBarAndSaysSo() {
    NodeResult over =
        new NodeResult(
            "node-c",
            Map.of("cpu", 1000L, "memory", GI, "pods", 10L),
            Map.of("cpu", 1200L, "memory", GI / 2, "pods", 2L),
            Map.of("cpu", 1200L, "memory", GI, "pods", 2L));
    assertThat(
            linesStartingWith(
                HtmlReport.render(plan(Verdict.FITS, List.of(WEB), List.of(over)), "t"),
                "<tr class=\"usage"))
        .first()
        .isEqualTo(
            "<tr class=\"usage over\"><th scope=\"row\">cpu</th><td class=\"bar\"><div class=\"track\">"
                + "<span class=\"before\" style=\"width:100.00%\"></span>"
                + "<span class=\"added\" style=\"width:0.00%\"></span></div></td>"
                + "<td class=\"numbers\">1200m + 0 = 1200m of 1"
                + " (120.0%, over allocatable)</td></tr>");
  }

  private static String bar(String resource, String before, String added, String numbers) {
    return "<tr class=\"usage\"><th scope=\"row\">"
        + resource
        + "</th><td class=\"bar\"><div class=\"track\"><span class=\"before\" style=\"width:"
        + before
        + "%\"></span><span class=\"added\" style=\"width:"
        + added
        + "%\"></span></div></td><td class=\"numbers\">"
        + numbers
        + "</td></tr>";
  }

  @Test
  void escapesEveryTextTakenFromThePlan() {
    ApplicationResult hostile =
        new ApplicationResult("<script>alert('x')</script>", 1, 1, 1, 0, 1, "a & b", false);
    String html =
        HtmlReport.render(plan(Verdict.DOES_NOT_FIT, List.of(hostile), List.of()), "A <b> & \"c\"");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<b>")
        .contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>")
        .contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>")
        .contains("<td>a &amp; b</td>");
  }

  @Test
  void isSelfContainedAndDeterministic() {
    String html = HtmlReport.render(example(), "Capacity: shop from A to B");
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n")
        .endsWith("</html>\n")
        .doesNotContain("http://", "https://", "src=", "href=", "url(", "@import", "<script");
    // Node order in the plan does not matter: the page lists nodes by name.
    assertThat(
            HtmlReport.render(
                plan(Verdict.DOES_NOT_FIT, List.of(WEB, BATCH, REPORTS), List.of(NODE_A, NODE_B)),
                "Capacity: shop from A to B"))
        .isEqualTo(html);
  }

  /** Leaves the example page in target/ for a look in a browser; the README describes it. */
  @Test
  void writesTheExamplePage() throws IOException {
    Path page = Path.of("target", "capacity-report-example.html");
    Files.createDirectories(page.getParent());
    String html = HtmlReport.render(example(), "Capacity: shop from cluster A to cluster B");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    assertThat(Files.readString(page, StandardCharsets.UTF_8)).isEqualTo(html);
  }
}
