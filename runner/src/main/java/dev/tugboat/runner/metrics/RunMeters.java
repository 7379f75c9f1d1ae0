package dev.tugboat.runner.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.batch.core.step.StepExecution;

/**
 * The meters of one finished run, tagged with its job ({@code tugboat.job}: {@code job} is the
 * Pushgateway's own grouping label) and run name: items read, written and skipped per step, the
 * run's duration, and the API requests and retries it made.
 */
final class RunMeters {

  private RunMeters() {}

  /** A registry holding the run's meters only. */
  static MeterRegistry of(FinishedRun run) {
    MeterRegistry registry = new SimpleMeterRegistry();
    Tags runTags = Tags.of("tugboat.job", run.jobName(), "run", run.name());
    for (StepExecution step : run.steps()) {
      Tags stepTags = runTags.and("step", step.getStepName());
      count(registry, "tugboat.items.read", stepTags, step.getReadCount());
      count(registry, "tugboat.items.written", stepTags, step.getWriteCount());
      count(registry, "tugboat.items.skipped", stepTags, step.getSkipCount());
    }
    Timer.builder("tugboat.run.duration")
        .description("How long the run took, from its start to its end")
        .tags(runTags.and("status", run.execution().getStatus().name()))
        .register(registry)
        .record(run.duration());
    count(registry, "tugboat.api.requests", runTags, run.api().requests());
    count(registry, "tugboat.api.retries", runTags, run.api().retries());
    return registry;
  }

  private static void count(MeterRegistry registry, String name, Tags tags, long amount) {
    Counter.builder(name).tags(tags).register(registry).increment(amount);
  }
}
