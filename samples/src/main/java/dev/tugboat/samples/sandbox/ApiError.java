package dev.tugboat.samples.sandbox;

/**
 * A request the sandbox refuses, answered as a Kubernetes {@code Status} object with this HTTP
 * code, reason (the machine-readable {@code status.reason} clients check, e.g. {@code NotFound},
 * {@code AlreadyExists}, {@code Conflict}, {@code Invalid}, {@code Forbidden}, {@code Expired}) and
 * message.
 */
public class ApiError extends RuntimeException {

  private final int code;
  private final String reason;

  public ApiError(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "NotFound", message);
  }

  public static ApiError alreadyExists(String message) {
    return new ApiError(409, "AlreadyExists", message);
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "Conflict", message);
  }

  public static ApiError invalid(String message) {
    return new ApiError(422, "Invalid", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "Forbidden", message);
  }
}
