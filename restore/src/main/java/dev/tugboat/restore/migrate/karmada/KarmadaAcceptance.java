package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.migrate.karmada.Acceptance.NotAccepted;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until Karmada has accepted an application's policies and templates: every policy exists (a
 * policy has no status to read), and every template a policy selects exists in the control plane
 * and has a binding whose {@code Scheduled} and {@code FullyApplied} conditions are True, that is,
 * Karmada placed it on the member cluster and took over the running object there.
 *
 * <p>It polls until all is accepted or the timeout has passed, and then says what is not accepted
 * and why, with Karmada's own reason and message (e.g. {@code FullyApplied=False ApplyConflict:
 * ...}). Read failures count as "not accepted yet": they are reported only if they last until the
 * timeout.
 */
public final class KarmadaAcceptance {

  private static final List<String> REQUIRED_CONDITIONS = List.of("Scheduled", "FullyApplied");

  private final ResourceApplier applier;
  private final Bindings bindings;
  private final ResourceCatalog controlPlane;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param apiClient the Karmada control plane's
   * @param controlPlane the types it serves, to find each template's
   */
  public KarmadaAcceptance(
      ApiClient apiClient, ResourceCatalog controlPlane, Clock clock, Sleeper sleeper) {
    this.applier = ResourceApplier.live(apiClient);
    this.bindings = new Bindings(apiClient);
    this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Checks, and checks again every {@code pollInterval}, until all is accepted or {@code timeout}
   * has passed since the call.
   *
   * @param policies as {@link PropagationPolicies#forApplication} made them
   * @return the last check's result
   * @throws InterruptedException when the thread is interrupted while pausing
   */
  public Acceptance await(List<JsonObject> policies, Duration pollInterval, Duration timeout)
      throws InterruptedException {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Acceptance acceptance = check(policies);
      if (acceptance.isAccepted() || !clock.instant().isBefore(deadline)) {
        return acceptance;
      }
      sleeper.sleep(pollInterval);
    }
  }

  /** Checks once. */
  public Acceptance check(List<JsonObject> policies) {
    List<NotAccepted> notAccepted = new ArrayList<>();
    for (JsonObject policy : policies) {
      policyProblem(policy)
          .ifPresent(
              reason -> notAccepted.add(new NotAccepted(KarmadaTypes.describe(policy), reason)));
    }
    // One LIST per namespace per check, however many templates live there; cluster-scoped
    // templates under "", which no namespace is named.
    Map<String, BindingList> bindingsByNamespace = new HashMap<>();
    for (JsonObject policy : policies) {
      for (TemplateRef template : PropagationPolicies.selectedBy(policy)) {
        BindingList inNamespace =
            bindingsByNamespace.computeIfAbsent(
                Objects.toString(template.namespace(), ""),
                key -> listBindings(template.namespace()));
        templateProblem(template, inNamespace)
            .ifPresent(reason -> notAccepted.add(new NotAccepted(template.toString(), reason)));
      }
    }
    return new Acceptance(notAccepted);
  }

  private Optional<String> policyProblem(JsonObject policy) {
    ApplyResult read =
        applier.get(
            KarmadaTypes.policyType(policy),
            KarmadaTypes.namespaceOf(policy),
            KarmadaTypes.nameOf(policy));
    return readProblem(read, "policy");
  }

  private Optional<String> templateProblem(TemplateRef template, BindingList inNamespace) {
    Optional<ApiResource> type = controlPlane.forKind(template.group(), template.kind());
    if (type.isEmpty()) {
      return Optional.of(
          "the control plane does not serve " + template.apiVersion() + " " + template.kind());
    }
    Optional<String> unread =
        readProblem(applier.get(type.get(), template.namespace(), template.name()), "template");
    if (unread.isPresent()) {
      return unread;
    }
    if (inNamespace.failure() != null) {
      return Optional.of(inNamespace.failure());
    }
    String bindingKind =
        template.isClusterScoped()
            ? KarmadaTypes.CLUSTER_RESOURCE_BINDINGS.kind()
            : KarmadaTypes.RESOURCE_BINDINGS.kind();
    Optional<JsonObject> binding = Bindings.bindingOf(template, inNamespace.bindings());
    return binding.isEmpty()
        ? Optional.of("no " + bindingKind + " yet")
        : conditionProblem(binding.get());
  }

  /** The first of Karmada's conditions that is not True, as {@code Type=Status Reason: message}. */
  private static Optional<String> conditionProblem(JsonObject binding) {
    List<JsonObject> conditions = JsonPaths.objects(binding, "status", "conditions");
    for (String type : REQUIRED_CONDITIONS) {
      Optional<JsonObject> condition =
          conditions.stream()
              .filter(c -> type.equals(JsonPaths.string(c, "type").orElse(null)))
              .findFirst();
      if (condition.isEmpty()) {
        return Optional.of(type + " not reported yet");
      }
      String status = JsonPaths.string(condition.get(), "status").orElse("Unknown");
      if (!"True".equals(status)) {
        return Optional.of(
            type
                + "="
                + status
                + " "
                + JsonPaths.string(condition.get(), "reason").orElse("")
                + ": "
                + JsonPaths.string(condition.get(), "message").orElse(""));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> readProblem(ApplyResult read, String what) {
    if (read.outcome() == ApplyOutcome.FOUND) {
      return Optional.empty();
    }
    if (read.outcome() == ApplyOutcome.NOT_FOUND) {
      return Optional.of(what + " not found in the control plane");
    }
    return Optional.of(
        "could not read the "
            + what
            + " ("
            + (read.httpStatus() == 0 ? "no answer" : "HTTP " + read.httpStatus())
            + "): "
            + read.message());
  }

  private BindingList listBindings(String namespace) {
    try {
      return new BindingList(bindings.list(namespace), null);
    } catch (KarmadaException e) {
      return new BindingList(List.of(), e.getMessage());
    }
  }

  /** The bindings of one namespace, or why they could not be listed. */
  private record BindingList(List<JsonObject> bindings, String failure) {}
}
