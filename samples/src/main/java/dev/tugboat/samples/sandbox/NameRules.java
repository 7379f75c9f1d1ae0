package dev.tugboat.samples.sandbox;

import java.util.regex.Pattern;

/** The name rules of Kubernetes object names, with the API server's messages. */
final class NameRules {

  private static final String SUBDOMAIN_REGEX =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final String LABEL_REGEX = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS_1035_REGEX = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_REGEX);
  private static final Pattern LABEL = Pattern.compile(LABEL_REGEX);
  private static final Pattern DNS_1035 = Pattern.compile(DNS_1035_REGEX);

  private NameRules() {}

  /**
   * Checks {@code name} against the rule of {@code type}.
   *
   * @throws ResourceError 422 Invalid naming the rule broken
   */
  static void check(ResourceType type, String name) {
    String problem = problem(type, name);
    if (problem != null) {
      throw ResourceError.invalid(
          type, name, "metadata.name", "Invalid value: \"" + name + "\": " + problem);
    }
  }

  private static String problem(ResourceType type, String name) {
    if (type.group().equals("rbac.authorization.k8s.io")) {
      // RBAC names are path segments: "system:controller:x" is a valid ClusterRole name.
      return name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")
          ? "may not be '.' or '..' and may not contain '/' or '%'"
          : null;
    }
    if (type.group().isEmpty() && type.plural().equals("namespaces")) {
      return matches(LABEL, name, 63)
          ? null
          : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
              + " '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
              + " or '123-abc', regex used for validation is '"
              + LABEL_REGEX
              + "')";
    }
    if (type.group().isEmpty() && type.plural().equals("services")) {
      return matches(DNS_1035, name, 63)
          ? null
          : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start"
              + " with an alphabetic character, and end with an alphanumeric character (e.g."
              + " 'my-name',  or 'abc-123', regex used for validation is '"
              + DNS_1035_REGEX
              + "')";
    }
    return matches(SUBDOMAIN, name, 253)
        ? null
        : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
            + " or '.', and must start and end with an alphanumeric character (e.g."
            + " 'example.com', regex used for validation is '"
            + SUBDOMAIN_REGEX
            + "')";
  }

  private static boolean matches(Pattern pattern, String name, int maxLength) {
    return name.length() <= maxLength && pattern.matcher(name).matches();
  }
}
