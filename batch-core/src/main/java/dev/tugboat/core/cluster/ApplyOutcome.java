package dev.tugboat.core.cluster;

/**
 * What a {@link ResourceApplier} call did. The first five mean the call succeeded; the others say
 * why it did not, so that a caller can decide per outcome (skip, report, fail the job) without
 * reading HTTP codes.
 */
public enum ApplyOutcome {
  /** The object did not exist and now does (create, or an apply that created it). */
  CREATED(true),
  /** A patch or apply changed the object. */
  UPDATED(true),
  /** A patch or apply was accepted but the object did not change. */
  UNCHANGED(true),
  /** A get found the object. */
  FOUND(true),
  /** A delete was accepted (the object may still be finalizing). */
  DELETED(true),
  /** A create found an object of that name already there (409 AlreadyExists). */
  ALREADY_EXISTS(false),
  /** The object, its namespace or the resource type does not exist (404). */
  NOT_FOUND(false),
  /** The credentials may not do this (403). */
  FORBIDDEN(false),
  /** The server rejected the object or patch as malformed or invalid (400, 422). */
  INVALID(false),
  /**
   * Anything else: a 409 Conflict, 5xx answers, rate limiting, or no answer at all (transport
   * error). The result's message says which.
   */
  FAILED(false);

  private final boolean success;

  ApplyOutcome(boolean success) {
    this.success = success;
  }

  /** Whether the call did what was asked. */
  public boolean isSuccess() {
    return success;
  }

  /** The outcome of an error answer with this HTTP status and Kubernetes {@code Status.reason}. */
  static ApplyOutcome ofFailure(int httpStatus, String reason) {
    return switch (httpStatus) {
      case 400, 422 -> INVALID;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> "AlreadyExists".equals(reason) ? ALREADY_EXISTS : FAILED;
      default -> FAILED;
    };
  }
}
