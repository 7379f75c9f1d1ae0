package dev.tugboat.samples.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * A client's request for a {@code meta.k8s.io} {@code Table} instead of objects, as {@code kubectl
 * get} sends it: {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io, ...}. The first Table
 * media type of the header wins; {@code v1beta1} is answered in {@code v1beta1}, as the API server
 * does.
 *
 * @param apiVersion {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1}
 * @param includeObject what each row carries besides its cells ({@code includeObject} parameter)
 */
record TableRequest(String apiVersion, IncludeObject includeObject) {

  private static final String GROUP = "meta.k8s.io";

  /** The {@code includeObject} choices of a Table request. */
  enum IncludeObject {
    /** No object in the rows. */
    NONE,
    /** A {@code PartialObjectMetadata}: the default. */
    METADATA,
    /** The whole object. */
    OBJECT
  }

  /**
   * The Table the Accept headers ask for, if any.
   *
   * @throws ApiError 400 BadRequest for an {@code includeObject} other than None, Metadata, Object
   */
  static Optional<TableRequest> of(List<String> acceptHeaders, HttpQuery query) {
    if (acceptHeaders == null) {
      return Optional.empty();
    }
    for (String header : acceptHeaders) {
      for (String mediaType : header.split(",")) {
        Optional<String> version = tableVersion(mediaType);
        if (version.isPresent()) {
          return Optional.of(new TableRequest(GROUP + "/" + version.get(), includeObject(query)));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code v1} or {@code v1beta1} when the media type is a JSON Table of meta.k8s.io. */
  private static Optional<String> tableVersion(String mediaType) {
    String[] parts = mediaType.split(";");
    if (!parts[0].trim().equalsIgnoreCase(Responses.JSON)) {
      return Optional.empty();
    }
    String as = null;
    String version = null;
    String group = null;
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].trim().split("=", 2);
      if (parameter.length < 2) {
        continue;
      }
      switch (parameter[0].trim()) {
        case "as" -> as = parameter[1].trim();
        case "v" -> version = parameter[1].trim();
        case "g" -> group = parameter[1].trim();
        default -> {
          // other parameters (q, charset...) do not change the answer
        }
      }
    }
    boolean table =
        "Table".equals(as)
            && GROUP.equals(group)
            && ("v1".equals(version) || "v1beta1".equals(version));
    return table ? Optional.of(version) : Optional.empty();
  }

  private static IncludeObject includeObject(HttpQuery query) {
    String value = query.get("includeObject");
    if (value == null || value.isEmpty()) {
      return IncludeObject.METADATA;
    }
    return switch (value) {
      case "None" -> IncludeObject.NONE;
      case "Metadata" -> IncludeObject.METADATA;
      case "Object" -> IncludeObject.OBJECT;
      default ->
          throw new ApiError(
              400,
              "BadRequest",
              "includeObject \"" + value + "\" is not supported: use None, Metadata or Object");
    };
  }
}
