package dev.tugboat.restore.capacity.planner;

import java.util.Objects;

/**
 * One of the planner's checks on the planned replicas, in the order they run.
 *
 * @param name {@code quota}, {@code aggregate}, {@code spread} or {@code best-fit}
 * @param passed whether nothing was refused
 * @param reason what the check found, e.g. {@code shop/web: 2 of 4 replicas admitted
 *     (quota:requests.cpu)}
 */
public record Check(String name, boolean passed, String reason) {

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }
}
