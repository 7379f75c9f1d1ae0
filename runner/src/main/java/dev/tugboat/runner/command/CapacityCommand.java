package dev.tugboat.runner.command;

import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.cluster.DiscoveryException;
import dev.tugboat.core.cluster.ListRequestException;
import dev.tugboat.restore.capacity.CapacityAnalysis;
import dev.tugboat.restore.capacity.CapacityPlans;
import dev.tugboat.restore.capacity.PlanOverrides;
import dev.tugboat.restore.capacity.plan.ClusterAccess;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.PlanSource;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.CapacityReportText;
import dev.tugboat.restore.capacity.report.HtmlReport;
import dev.tugboat.restore.capacity.snapshot.SourceObjects;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Stores;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tugboat capacity}: whether the applications of a plan fit in a target cluster, and which
 * replicas to shed when they do not (issue 6). Reads both sides, writes nothing to any cluster.
 */
@Command(
    name = "capacity",
    description = {
      "Check whether applications fit in the target cluster before a failover or a migration, and"
          + " which replicas to shed when they do not. Reads the source (a live cluster or a backup"
          + " of the store) and the target; writes nothing.",
      "The model: a pod needs its requests (not its current usage) free on one node, so the check"
          + " packs replicas node by node: four nodes with 1 free CPU each do not host a 2-CPU pod."
          + " A pod's request is its containers' (or its largest init container's), taken from"
          + " the limits when missing, then from the target namespace's LimitRange defaults;"
          + " a pod that LimitRange would refuse is reported (binding limitrange: ...). The"
          + " target namespace's ResourceQuota is checked first, then the total free room, then"
          + " the packing (as the scheduler spreads, and best-fit as the optimistic bound)."
          + " Node selectors, affinity, taints, anti-affinity and host ports limit where a"
          + " replica may go.",
      "When the applications do not fit, the ladder steps the lowest tier down (3 sheddable"
          + " first, then 2, then 1; tier 0 only if the plan allows it) through the plan's ratios"
          + " (default 1.0, 0.75, 0.5, 0.25) to each workload's floor (the plan's minReplicas, an"
          + " HPA's minReplicas, a PDB's minAvailable + 1, or 1), simulating again at each step.",
      "Without --plan, each namespace of --include-namespaces is one application of tier 2."
          + " Flags override the plan's fields. A context given by a flag is looked up in"
          + " --kubeconfig; one given by the plan in the plan's kubeconfig field (relative to the"
          + " plan file's folder) when it has one, else in --kubeconfig.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  everything fits as it is",
      "  2  usage error",
      "  3  everything fits with the downgrade printed",
      "  4  does not fit even at the floors; or an invalid plan, flag or unreachable cluster"
    })
public class CapacityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--to-context",
      paramLabel = "CONTEXT",
      description = "The target cluster's kubeconfig context (required without --plan).")
  String toContext;

  @ArgGroup(exclusive = true)
  Source source;

  /** The source: a live cluster or a backup, never both. */
  static final class Source {
    @Option(
        names = "--from-context",
        required = true,
        paramLabel = "CONTEXT",
        description = "Read the applications from this kubeconfig context's cluster.")
    String context;

    @Option(
        names = "--from-backup",
        required = true,
        paramLabel = "BACKUP",
        description =
            "Read the applications from this backup of the store (offline: the source"
                + " cluster may be gone).")
    String backup;
  }

  @ArgGroup(exclusive = true)
  Selection selection;

  /** What is moved: a plan file, or namespaces. */
  static final class Selection {
    @Option(
        names = "--plan",
        required = true,
        paramLabel = "FILE",
        description = "A MigrationPlan file (YAML): applications, tiers, floors, ladder, headroom.")
    Path plan;

    @Option(
        names = "--include-namespaces",
        required = true,
        split = ",",
        paramLabel = "NAMESPACE",
        description = "The namespaces to move, comma-separated names; each is one application.")
    List<String> namespaces = new ArrayList<>();
  }

  @Option(
      names = "--namespace-mappings",
      split = ",",
      paramLabel = "SOURCE:TARGET",
      description =
          "Namespace SOURCE lands in TARGET, comma-separated; replaces the plan's mappings.")
  List<String> namespaceMappings = new ArrayList<>();

  @Option(
      names = "--headroom",
      paramLabel = "PERCENT",
      description =
          "The share of each node's cpu and memory kept free, 0% to 50% (default: the plan's, or"
              + " 5%).")
  String headroom;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Also write the plan as one self-contained HTML page: the verdict, the checks, the ladder"
              + " steps, the applications and a bar per node and resource, before and after.")
  Path report;

  private final Path home;

  /**
   * @param home Tugboat's home folder; a backup is unpacked under its {@code work} folder
   */
  public CapacityCommand(@Value("${tugboat.home}") String home) {
    this.home = Path.of(home);
  }

  @Override
  public Integer call() throws IOException {
    Globals globals = Globals.of(spec);
    MigrationPlan plan = plan();
    SourceObjects sources;
    try {
      sources = readSource(plan, globals);
    } catch (DiscoveryException | ListRequestException e) {
      // Only a live source is read over the network.
      return unreachable("source", ((PlanSource.Live) plan.source()).cluster(), e);
    }
    ClusterAccess target = plan.target().cluster();
    CapacityPlan result;
    try {
      result = CapacityAnalysis.plan(plan, sources, connect(target, globals));
    } catch (ListRequestException e) {
      return unreachable("target", target, e);
    }
    if (report != null) {
      Files.writeString(report, HtmlReport.render(result, title(plan)), StandardCharsets.UTF_8);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        globals.output() == OutputFormat.json
            ? result.toJson() + "\n"
            : CapacityReportText.render(result));
    out.flush();
    return result.verdict().exitCode();
  }

  /** E.g. {@code Capacity: demo-failover from context 'primary' to context 'standby'}. */
  private static String title(MigrationPlan plan) {
    String source =
        plan.source() instanceof PlanSource.Live live
            ? "context '" + live.cluster().context() + "'"
            : "backup '" + ((PlanSource.Stored) plan.source()).backup() + "'";
    return "Capacity: "
        + plan.name()
        + " from "
        + source
        + " to context '"
        + plan.target().cluster().context()
        + "'";
  }

  /** One line naming the cluster that did not answer: retrying the check as it is will not help. */
  private int unreachable(String side, ClusterAccess cluster, RuntimeException e) {
    spec.commandLine()
        .getErr()
        .printf(
            "tugboat: cannot read the %s cluster (context '%s'): %s%n",
            side, cluster.context(), ExitCodes.message(e));
    return ExitCodes.PRECONDITION;
  }

  /** The source objects, from the source cluster or a backup of the store. */
  private SourceObjects readSource(MigrationPlan plan, Globals globals) throws IOException {
    if (plan.source() instanceof PlanSource.Live live) {
      return CapacityAnalysis.readSource(plan, connect(live.cluster(), globals));
    }
    String backup = ((PlanSource.Stored) plan.source()).backup();
    BackupSource published = BackupSource.published(Stores.open(globals), backup);
    Path work = Files.createDirectories(home.resolve("work"));
    try (SpooledBackup spooled =
        new ArchiveSpooler().spool(published, Files.createTempDirectory(work, "capacity-"))) {
      return CapacityAnalysis.readSource(plan, spooled);
    }
  }

  /** The plan file or the namespaces, with the flags applied. */
  private MigrationPlan plan() throws IOException {
    PlanOverrides overrides =
        new PlanOverrides(
            Optional.ofNullable(source).map(s -> s.context),
            Optional.ofNullable(source).map(s -> s.backup),
            Optional.ofNullable(toContext),
            namespaceMappings.isEmpty()
                ? Optional.empty()
                : Optional.of(NamespaceMappings.parse(namespaceMappings)),
            Optional.ofNullable(headroom));
    if (selection == null) {
      throw new IllegalArgumentException(
          "give the applications: --plan FILE or --include-namespaces NAMESPACE,...");
    }
    if (selection.plan != null) {
      try {
        return CapacityPlans.fromFile(Files.readString(selection.plan), overrides);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--plan: " + selection.plan + " does not exist", e);
      }
    }
    if (source == null || toContext == null) {
      throw new IllegalArgumentException(
          "without --plan, give the source (--from-context or --from-backup) and --to-context");
    }
    for (String namespace : selection.namespaces) {
      if (namespace.contains("*") || namespace.contains("?")) {
        throw new IllegalArgumentException(
            "--include-namespaces takes namespace names, not globs: '" + namespace + "'");
      }
    }
    return CapacityPlans.forNamespaces(selection.namespaces, overrides);
  }

  /**
   * A client for the cluster; the plan's kubeconfig is relative to the plan file's folder, and
   * --kubeconfig (or the default lookup) applies when the plan names none.
   */
  private ApiClient connect(ClusterAccess cluster, Globals globals) {
    Path planFile = selection == null ? null : selection.plan;
    return new ClusterConnector()
        .connect(
            ClusterSettings.kubeconfig(
                PlanKubeconfigs.of(planFile, cluster, globals.kubeconfig()), cluster.context()))
        .apiClient();
  }
}
