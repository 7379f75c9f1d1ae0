package dev.tugboat.restore.job;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.restore.plan.RestoreOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step: reads and verifies the whole backup before anything is written (a bad archive
 * fails here, naming the entry), reaches the target cluster, and saves the plan: the types to
 * restore in order and the namespaces to create bare.
 */
final class ValidateTasklet implements Tasklet {

  private final RestoreSessionHolder sessions;
  private final RestoreProgress progress;
  private final Clock clock;

  ValidateTasklet(RestoreSessionHolder sessions, RestoreProgress progress, Clock clock) {
    this.sessions = sessions;
    this.progress = progress;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    RestoreSession session = sessions.get();
    Set<String> selectedTypes = new TreeSet<>();
    for (String groupResource : session.spool().groupResources().keySet()) {
      ApiResource type = session.type(groupResource).orElseThrow();
      if (session.selection().includesType(type)) {
        selectedTypes.add(groupResource);
      }
    }
    if (!session.namespacesWithoutObject().isEmpty()) {
      selectedTypes.add(RestoreSession.NAMESPACES.groupResource());
    }
    List<String> order = new ArrayList<>(RestoreOrder.order(selectedTypes));
    List<String> crdTypes = new ArrayList<>();
    if (!order.isEmpty() && order.get(0).equals(RestoreOrder.CUSTOM_RESOURCE_DEFINITIONS)) {
      crdTypes.add(order.remove(0));
    }
    RestoreJobContext plan =
        new RestoreJobContext(
            UUID.randomUUID().toString(),
            clock.instant(),
            crdTypes,
            order,
            List.copyOf(new TreeSet<>(session.namespacesWithoutObject())),
            session.selectedItems());
    plan.saveTo(
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext());
    progress.planned(plan.plannedItems());
    return RepeatStatus.FINISHED;
  }
}
