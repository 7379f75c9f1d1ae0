package dev.tugboat.restore.capacity.simulate;

import java.util.Objects;
import java.util.Optional;

/**
 * How many replicas of a group a namespace's quota lets the migration create.
 *
 * @param admitted at most the group's replica count
 * @param binding when fewer are admitted, the quota key that ran out, e.g. {@code
 *     quota:requests.cpu}
 */
public record QuotaAdmission(ReplicaGroup group, int admitted, Optional<String> binding) {

  public QuotaAdmission {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(binding, "binding");
  }
}
