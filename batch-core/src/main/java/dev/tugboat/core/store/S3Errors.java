package dev.tugboat.core.store;

import io.minio.errors.MinioException;
import io.minio.messages.ErrorResponse;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * The S3 error (code and message) a failed MinIO request carries, if the server sent one.
 *
 * <p>Read reflectively rather than by casting to {@code io.minio.errors.ErrorResponseException}:
 * naming that class makes javac warn that the SpotBugs annotation on one of its fields is missing
 * from the classpath (MinIO does not ship it), and the build turns warnings into errors. Adding
 * {@code com.github.spotbugs:spotbugs-annotations} (scope {@code provided}) would allow the cast.
 */
final class S3Errors {

  private S3Errors() {}

  static Optional<ErrorResponse> errorResponse(MinioException e) {
    try {
      return Optional.of((ErrorResponse) e.getClass().getMethod("errorResponse").invoke(e));
    } catch (NoSuchMethodException notAnErrorResponse) {
      return Optional.empty();
    } catch (IllegalAccessException | InvocationTargetException unexpected) {
      throw new IllegalStateException("cannot read the S3 error of " + e.getClass(), unexpected);
    }
  }

  static boolean hasCode(MinioException e, String code) {
    return errorResponse(e).map(error -> code.equals(error.code())).orElse(false);
  }
}
