package dev.tugboat.backup.job;

import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.BackupPlan;
import dev.tugboat.backup.plan.BackupPlanner;
import dev.tugboat.backup.plan.ClusterNamespace;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.PagedListReader;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.json.JsonPaths;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step: discovers what the cluster serves, lists its namespaces and makes the plan, then
 * keeps it in the job's execution context. It runs once per backup: a restart finds it complete and
 * follows the saved plan, even if the cluster has changed since.
 */
final class PlanTasklet implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(PlanTasklet.class);

  private final ApiClient apiClient;
  private final BackupRequest request;
  private final Clock clock;

  PlanTasklet(ApiClient apiClient, BackupRequest request, Clock clock) {
    this.apiClient = apiClient;
    this.request = request;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    ExecutionContext job =
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    ResourceDiscovery discovery = new ResourceDiscovery(apiClient);
    var serverVersion = discovery.serverVersion();
    ResourceCatalog catalog = discovery.discover();
    BackupPlan plan =
        BackupPlanner.plan(
            catalog, request.selection(), namespaces(catalog), request.includeClusterResources());
    List<String> discoveryWarnings =
        catalog.failures().stream()
            .map(
                failure -> "could not discover " + failure.groupVersion() + ": " + failure.reason())
            .toList();
    new BackupJobContext(
            UUID.randomUUID().toString(), clock.instant(), serverVersion, plan, discoveryWarnings)
        .saveTo(job);
    log.info(
        "Backup {}: {} LISTs planned, {} types or namespaces left out",
        request.name(),
        plan.partitions().size(),
        plan.skipped().size());
    return RepeatStatus.FINISHED;
  }

  private List<ClusterNamespace> namespaces(ResourceCatalog catalog) {
    ApiResource namespaces =
        catalog
            .find("", "namespaces")
            .orElseThrow(() -> new IllegalStateException("the cluster does not serve namespaces"));
    PagedListReader reader = PagedListReader.builder("namespaces", apiClient, namespaces).build();
    reader.open(new ExecutionContext());
    List<ClusterNamespace> found = new ArrayList<>();
    for (JsonObject namespace = reader.read(); namespace != null; namespace = reader.read()) {
      found.add(toClusterNamespace(namespace));
    }
    reader.close();
    return found;
  }

  private static ClusterNamespace toClusterNamespace(JsonObject namespace) {
    return new ClusterNamespace(
        JsonPaths.string(namespace, "metadata", "name").orElseThrow(),
        JsonPaths.labels(namespace),
        JsonPaths.string(namespace, "status", "phase").orElse("Active"));
  }
}
