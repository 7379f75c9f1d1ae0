package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Velero's resource modifiers: an ordered list of rules, each selecting items by conditions and
 * changing them with one kind of patch (a JSON Patch, JSON merge patches or strategic merge
 * patches). Read from the YAML file Velero keeps in a ConfigMap (format in {@link
 * ResourceModifiersParser}); immutable and safe to share between threads.
 */
public final class ResourceModifiers {

  private final List<ModifierRule> rules;

  ResourceModifiers(List<ModifierRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rules: every item is left as it is. */
  public static ResourceModifiers none() {
    return new ResourceModifiers(List.of());
  }

  /**
   * Reads a resource modifiers file ({@code version: v1}, {@code resourceModifierRules: [...]}).
   *
   * @throws InvalidResourceModifiersException naming the rule and field when the file is not valid
   */
  public static ResourceModifiers parse(String yaml) {
    return new ResourceModifiers(ResourceModifiersParser.parse(yaml));
  }

  /**
   * Applies, in order, every rule whose conditions the item meets as it was read (so a rule cannot
   * make a later one match or stop matching). The argument is not modified.
   *
   * @param groupResource the item's resource as {@code plural.group}, {@code plural} for the core
   *     group, e.g. {@code pods}, {@code deployments.apps}
   */
  public ModifiedItem apply(String groupResource, JsonObject item) {
    JsonObject modified = item.deepCopy();
    List<String> errors = new ArrayList<>();
    for (ModifierRule rule : rules) {
      if (!rule.conditions().matches(groupResource, item)) {
        continue;
      }
      try {
        modified = rule.patch().apply(modified);
      } catch (PatchFailedException e) {
        errors.add(
            "resource modifier rule %d failed on %s %s: %s"
                .formatted(rule.index(), groupResource, describe(item), e.getMessage()));
      }
    }
    return new ModifiedItem(modified, errors);
  }

  private static String describe(JsonObject item) {
    JsonElement metadata = item.get("metadata");
    if (metadata == null || !metadata.isJsonObject()) {
      return "(no metadata)";
    }
    JsonElement namespace = metadata.getAsJsonObject().get("namespace");
    JsonElement name = metadata.getAsJsonObject().get("name");
    String nameText = name == null ? "(no name)" : name.getAsString();
    return namespace == null ? nameText : namespace.getAsString() + "/" + nameText;
  }
}
