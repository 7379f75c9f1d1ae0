package dev.tugboat.restore.transform;

import java.util.Set;

/**
 * The names of the ServiceAccounts that exist in a namespace of the target cluster. The restore job
 * answers it from what it has already created or listed; the transformer only reads it.
 */
@FunctionalInterface
public interface ExistingServiceAccounts {

  /** No ServiceAccount anywhere. */
  ExistingServiceAccounts NONE = namespace -> Set.of();

  Set<String> namesIn(String namespace);
}
