package dev.tugboat.samples.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resource a request URL addresses, e.g. {@code
 * /apis/apps/v1/namespaces/shop/deployments/web/scale}.
 *
 * @param group empty for the core group ({@code /api/v1})
 * @param namespace null when the URL names none
 * @param name null for collection requests
 * @param subresource null, or e.g. {@code status} or {@code scale}
 */
record ApiPath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource) {

  /** Parses a resource URL; empty for other URLs (discovery documents, unknown paths). */
  static Optional<ApiPath> parse(String path) {
    List<String> segments =
        Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      return resource("", segments.get(1), segments.subList(2, segments.size()));
    }
    if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      return resource(segments.get(1), segments.get(2), segments.subList(3, segments.size()));
    }
    return Optional.empty();
  }

  private static Optional<ApiPath> resource(String group, String version, List<String> rest) {
    if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
      if (rest.size() == 3 && (rest.get(2).equals("status") || rest.get(2).equals("finalize"))) {
        return Optional.of(
            new ApiPath(group, version, null, "namespaces", rest.get(1), rest.get(2)));
      }
      return named(group, version, rest.get(1), rest.subList(2, rest.size()));
    }
    return named(group, version, null, rest);
  }

  private static Optional<ApiPath> named(
      String group, String version, String namespace, List<String> rest) {
    if (rest.size() > 3) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiPath(
            group,
            version,
            namespace,
            rest.get(0),
            rest.size() > 1 ? rest.get(1) : null,
            rest.size() > 2 ? rest.get(2) : null));
  }
}
