package dev.tugboat.restore.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class RestoreJobContextTest {

  @Test
  void savedContextReadsBackEqual() {
    RestoreJobContext saved =
        new RestoreJobContext(
            "run-a",
            Instant.parse("2026-11-22T10:00:00.700Z"),
            List.of("customresourcedefinitions.apiextensions.k8s.io"),
            List.of("namespaces", "configmaps", "pods"),
            List.of("blog"),
            42);
    ExecutionContext context = new ExecutionContext();

    saved.saveTo(context);

    assertThat(RestoreJobContext.from(context)).isEqualTo(saved);
    assertThat(context.getString("restore.plan"))
        .isEqualTo(
            "{\"run\":\"run-a\",\"started\":\"2026-11-22T10:00:00.700Z\","
                + "\"crdTypes\":[\"customresourcedefinitions.apiextensions.k8s.io\"],"
                + "\"types\":[\"namespaces\",\"configmaps\",\"pods\"],"
                + "\"namespacesToCreate\":[\"blog\"],\"plannedItems\":42}");
  }

  @Test
  void aContextWithoutPlanSaysTheValidateStepDidNotRun() {
    assertThatThrownBy(() -> RestoreJobContext.from(new ExecutionContext()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the restore job has no saved plan: its validate step did not run");
  }
}
