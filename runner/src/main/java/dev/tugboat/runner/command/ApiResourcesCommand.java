package dev.tugboat.runner.command;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ClusterConnection;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.cluster.DiscoveryFailure;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shows the resource catalog every job starts from: what the cluster serves, in which version. */
@Command(
    name = "api-resources",
    description = {
      "List the resource types the cluster serves, as Tugboat sees them: the preferred version, scope, kind and"
          + " verbs of each.",
      "API groups that fail to answer (a broken aggregated API) are reported and skipped; the exit code is then 3."
    })
public class ApiResourcesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    ClusterConnection cluster =
        new ClusterConnector()
            .connect(ClusterSettings.kubeconfig(globals.kubeconfig(), globals.context()));
    ResourceDiscovery discovery = new ResourceDiscovery(cluster.apiClient());
    ServerVersion version = discovery.serverVersion();
    ResourceCatalog catalog = discovery.discover();

    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      printer.json(new Report(cluster.displayName(), cluster.server(), version, catalog));
    } else {
      printer.line(
          "%-40s %-22s %-40s %-10s %-32s %s",
          "NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS");
      for (ApiResource resource : catalog.resources()) {
        printer.line(
            "%-40s %-22s %-40s %-10s %-32s %s",
            resource.plural(),
            String.join(",", resource.shortNames()),
            resource.apiVersion(),
            resource.namespaced(),
            resource.kind(),
            String.join(",", new TreeSet<>(resource.verbs())));
      }
    }
    for (DiscoveryFailure failure : catalog.failures()) {
      spec.commandLine()
          .getErr()
          .printf("tugboat: warning: skipped %s: %s%n", failure.groupVersion(), failure.reason());
    }
    return catalog.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  /** The JSON form: where the catalog came from, and what it holds. */
  record Report(
      String context,
      String server,
      ServerVersion version,
      List<ApiResource> resources,
      List<DiscoveryFailure> failures) {
    Report(String context, String server, ServerVersion version, ResourceCatalog catalog) {
      this(context, server, version, catalog.resources(), catalog.failures());
    }
  }
}
