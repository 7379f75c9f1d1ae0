package dev.tugboat.restore.capacity.plan;

import java.util.regex.Pattern;

/** Kubernetes' naming rules the plan's names follow, checked with messages naming the field. */
final class PlanNames {

  private static final int MAX_LABEL_LENGTH = 63;
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");

  private PlanNames() {}

  /** A required DNS label (RFC 1123): a namespace, an application or a migration name. */
  static String dnsLabel(PlanField field) {
    String text = required(field);
    if (text.length() > MAX_LABEL_LENGTH || !DNS_LABEL.matcher(text).matches()) {
      throw field.invalid(
          "must be a DNS label (at most 63 lowercase letters, digits and '-', starting and ending"
              + " with a letter or digit), not '"
              + text
              + "'");
    }
    return text;
  }

  /** A required kind, e.g. {@code StatefulSet}. */
  static String kind(PlanField field) {
    String text = required(field);
    if (!KIND.matcher(text).matches()) {
      throw field.invalid("must be a kind such as Deployment or StatefulSet, not '" + text + "'");
    }
    return text;
  }

  /**
   * A required object name. Kubernetes checks most kinds' names as DNS subdomains but some (RBAC
   * roles such as {@code system:controller}) only as path segments, so only that is checked here.
   */
  static String objectName(PlanField field) {
    String text = required(field);
    if (text.equals(".") || text.equals("..") || text.contains("/") || text.contains("%")) {
      throw field.invalid(
          "must be an object name (no '/' or '%', not . or ..), not '" + text + "'");
    }
    return text;
  }

  /** A required, non-blank text. */
  static String required(PlanField field) {
    if (field.isMissing()) {
      throw field.invalid("is required");
    }
    String text = field.text();
    if (text.isBlank()) {
      throw field.invalid("must not be empty");
    }
    return text;
  }
}
