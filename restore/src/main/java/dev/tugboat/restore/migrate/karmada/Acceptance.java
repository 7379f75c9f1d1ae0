package dev.tugboat.restore.migrate.karmada;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether Karmada accepted an application's templates and policies, as {@link KarmadaAcceptance}
 * last saw it.
 *
 * @param notAccepted what is not accepted, in the order checked: policies first, then templates in
 *     the order of the policies' selectors; empty when all is accepted
 */
public record Acceptance(List<NotAccepted> notAccepted) {

  public Acceptance {
    notAccepted = List.copyOf(notAccepted);
  }

  /**
   * One policy or template Karmada has not accepted, and why.
   *
   * @param object e.g. {@code apps/v1 Deployment shop/web} or {@code PropagationPolicy
   *     shop/tugboat-web}
   * @param reason e.g. {@code FullyApplied=False ApplyConflict: <Karmada's message>}, {@code no
   *     ResourceBinding}, {@code template not found in the control plane}
   */
  public record NotAccepted(String object, String reason) {

    @Override
    public String toString() {
      return object + ": " + reason;
    }
  }

  public boolean isAccepted() {
    return notAccepted.isEmpty();
  }

  /** One line for a report, e.g. {@code apps/v1 Deployment shop/web: Scheduled=False ...; ...}. */
  public String summary() {
    return isAccepted()
        ? "accepted"
        : notAccepted.stream().map(NotAccepted::toString).collect(Collectors.joining("; "));
  }
}
