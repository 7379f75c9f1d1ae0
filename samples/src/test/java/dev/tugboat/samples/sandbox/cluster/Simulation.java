package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.Controller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake cluster with controllers, run the way the sandbox core runs them: a controller runs when a
 * kind it watches changed, or when the delay it asked for has passed.
 */
final class Simulation {

  static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private static final int MAX_RUNS = 10_000;

  final MutableClock clock = new MutableClock(START);
  final FakeClusterState state = new FakeClusterState(clock);
  private final List<Controller> controllers = new ArrayList<>();
  private final Set<Controller> dirty = new LinkedHashSet<>();
  private final Map<Controller, Instant> due = new LinkedHashMap<>();

  Simulation with(Controller controller) {
    controllers.add(controller);
    dirty.add(controller);
    return this;
  }

  Simulation admitWith(Admission admission) {
    state.admitWith(admission);
    return this;
  }

  /** Creates an object written as JSON; returns it as stored. */
  JsonObject create(String json) {
    return state.create(JsonParser.parseString(json).getAsJsonObject());
  }

  /**
   * Runs controllers until none has anything left to react to now.
   *
   * @throws AssertionError when the controllers do not go quiet
   */
  void settle() {
    markChanged();
    for (int runs = 0; runs < MAX_RUNS; runs++) {
      Controller next = nextRunnable();
      if (next == null) {
        return;
      }
      dirty.remove(next);
      due.remove(next);
      Optional<Duration> requeue = next.reconcile(state);
      requeue.ifPresent(delay -> due.put(next, clock.instant().plus(delay)));
      markChanged();
    }
    throw new AssertionError("controllers still busy after " + MAX_RUNS + " runs");
  }

  /** Moves the clock on, then settles. */
  void advance(Duration duration) {
    clock.advance(duration);
    settle();
  }

  /** When the earliest requested re-run is due, relative to now; empty when none is pending. */
  Optional<Duration> nextDue() {
    return due.values().stream()
        .min(Instant::compareTo)
        .map(instant -> Duration.between(clock.instant(), instant));
  }

  List<JsonObject> list(String apiVersion, String kind) {
    return state.list(apiVersion, kind, null);
  }

  JsonObject get(String apiVersion, String kind, String namespace, String name) {
    return state
        .get(apiVersion, kind, namespace, name)
        .orElseThrow(() -> new AssertionError(kind + " " + namespace + "/" + name + " missing"));
  }

  private Controller nextRunnable() {
    for (Controller controller : controllers) {
      Instant when = due.get(controller);
      if (dirty.contains(controller) || (when != null && !when.isAfter(clock.instant()))) {
        return controller;
      }
    }
    return null;
  }

  private void markChanged() {
    Set<String> changed = state.takeChangedKinds();
    for (Controller controller : controllers) {
      if (!Collections.disjoint(controller.watchedKinds(), changed)) {
        dirty.add(controller);
      }
    }
  }
}
