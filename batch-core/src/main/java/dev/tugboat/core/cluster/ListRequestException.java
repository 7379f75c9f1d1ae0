package dev.tugboat.core.cluster;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * A LIST request the API server refused, or that could not be made. Jobs tell a type they may not
 * read (403) or that is no longer served (404) from a failure worth failing the step for.
 */
public final class ListRequestException extends ItemStreamException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  ListRequestException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the server answered, or 0 when no answer came (a transport failure). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the server refused the request for lack of permission (403 Forbidden). */
  public boolean isForbidden() {
    return httpStatus == 403;
  }

  /** Whether the server no longer serves the type (404 Not Found), e.g. a deleted CRD. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
