package dev.tugboat.core.cluster;

/** What happens to the dependents of a deleted object (Kubernetes {@code propagationPolicy}). */
public enum DeletePropagation {
  /** Dependents are deleted first; the object goes last. */
  FOREGROUND("Foreground"),
  /** The object goes at once; the garbage collector deletes dependents afterwards. */
  BACKGROUND("Background"),
  /** Dependents are kept and lose their owner reference. */
  ORPHAN("Orphan");

  private final String policy;

  DeletePropagation(String policy) {
    this.policy = policy;
  }

  /** The value the API server expects, e.g. {@code Foreground}. */
  public String policy() {
    return policy;
  }
}
