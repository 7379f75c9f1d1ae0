package dev.tugboat.samples.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A field selector such as {@code metadata.name=web,status.phase!=Running}: requirements on {@code
 * metadata.name}, {@code metadata.namespace} and the type's selectable fields, with {@code =},
 * {@code ==} or {@code !=}, that must all hold.
 */
final class FieldSelector {

  private record Requirement(String field, boolean equal, String value) {}

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Requirement> requirements;

  private FieldSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * @throws ApiError 400 BadRequest when the syntax is wrong or a field cannot be selected on
   */
  static FieldSelector parse(String selector, ResourceType type) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String term : selector.split(",")) {
      Requirement requirement = requirement(term.strip(), selector);
      String field = requirement.field();
      if (!field.equals("metadata.name")
          && !field.equals("metadata.namespace")
          && !type.selectableFields().contains(field)) {
        throw new ApiError(
            400,
            "BadRequest",
            "field label not supported: " + field + " (for " + type.groupResource() + ")");
      }
      requirements.add(requirement);
    }
    return new FieldSelector(List.copyOf(requirements));
  }

  boolean isEmpty() {
    return requirements.isEmpty();
  }

  boolean matches(StoredObject object) {
    for (Requirement requirement : requirements) {
      String actual = object.field(requirement.field());
      boolean equal = requirement.value().equals(actual == null ? "" : actual);
      if (equal != requirement.equal()) {
        return false;
      }
    }
    return true;
  }

  private static Requirement requirement(String term, String selector) {
    int notEqual = term.indexOf("!=");
    if (notEqual > 0) {
      return new Requirement(term.substring(0, notEqual), false, term.substring(notEqual + 2));
    }
    int doubleEqual = term.indexOf("==");
    if (doubleEqual > 0) {
      return new Requirement(term.substring(0, doubleEqual), true, term.substring(doubleEqual + 2));
    }
    int equal = term.indexOf('=');
    if (equal > 0) {
      return new Requirement(term.substring(0, equal), true, term.substring(equal + 1));
    }
    throw new ApiError(
        400,
        "BadRequest",
        "invalid field selector \"" + selector + "\": \"" + term + "\" has no operator");
  }
}
