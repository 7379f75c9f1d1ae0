package dev.tugboat.samples.sandbox;

/**
 * An {@link ApiError} about one object, whose Status carries {@code details} naming it the way the
 * API server does: {@code kind} is the resource (plural) for most reasons, the Kind for Invalid.
 */
final class ResourceError extends ApiError {

  private final String group;
  private final String kind;
  private final String name;

  private ResourceError(
      int code, String reason, String message, String group, String kind, String name) {
    super(code, reason, message);
    this.group = group;
    this.kind = kind;
    this.name = name;
  }

  String group() {
    return group;
  }

  String kind() {
    return kind;
  }

  String name() {
    return name;
  }

  static ResourceError notFound(ResourceType type, String name) {
    return about(404, "NotFound", type, name, "\"" + name + "\" not found");
  }

  static ResourceError alreadyExists(ResourceType type, String name) {
    return about(409, "AlreadyExists", type, name, "\"" + name + "\" already exists");
  }

  static ResourceError conflict(ResourceType type, String name, String why) {
    return new ResourceError(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + type.groupResource() + " \"" + name + "\": " + why,
        type.group(),
        type.plural(),
        name);
  }

  static ResourceError staleResourceVersion(ResourceType type, String name) {
    return conflict(
        type,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  static ResourceError forbidden(ResourceType type, String name, String why) {
    return about(403, "Forbidden", type, name, "\"" + name + "\" is forbidden: " + why);
  }

  /** 422 Invalid: {@code field} is a path such as {@code metadata.name}. */
  static ResourceError invalid(ResourceType type, String name, String field, String problem) {
    return new ResourceError(
        422,
        "Invalid",
        type.kind() + " \"" + name + "\" is invalid: " + field + ": " + problem,
        type.group(),
        type.kind(),
        name);
  }

  static ResourceError namespaceNotFound(String namespace) {
    return new ResourceError(
        404, "NotFound", "namespaces \"" + namespace + "\" not found", "", "namespaces", namespace);
  }

  private static ResourceError about(
      int code, String reason, ResourceType type, String name, String what) {
    return new ResourceError(
        code, reason, type.groupResource() + " " + what, type.group(), type.plural(), name);
  }
}
