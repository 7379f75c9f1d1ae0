package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's {@code conditions}, all of which must hold for the rule to apply to an item. They are
 * tested on the item as it was read, before any rule changed it.
 *
 * @param groupResource a {@link VeleroGlob} over {@code plural.group} ({@code pods} for the core
 *     group, {@code deployments.apps})
 * @param namespaces globs of the item's namespace, any of which must match; empty for every
 *     namespace; not checked for cluster-scoped items
 * @param nameRegex searched (not anchored) in the item's name, when present
 * @param labelSelector required of the item's labels, when present
 * @param matches field values the item must have
 */
record RuleConditions(
    Pattern groupResource,
    List<Pattern> namespaces,
    Optional<Pattern> nameRegex,
    Optional<LabelSelector> labelSelector,
    List<FieldMatch> matches) {

  RuleConditions {
    namespaces = List.copyOf(namespaces);
    matches = List.copyOf(matches);
  }

  boolean matches(String itemGroupResource, JsonObject item) {
    JsonObject metadata = objectOrEmpty(item, "metadata");
    String namespace = text(metadata, "namespace");
    boolean namespaceMatches =
        namespace.isEmpty()
            || namespaces.isEmpty()
            || namespaces.stream().anyMatch(glob -> glob.matcher(namespace).matches());
    return namespaceMatches
        && groupResource.matcher(itemGroupResource).matches()
        && nameRegex.map(regex -> regex.matcher(text(metadata, "name")).find()).orElse(true)
        && labelSelector.map(selector -> selector.matches(labels(metadata))).orElse(true)
        && matches.stream().allMatch(match -> JsonTree.holds(item, match.path(), match.value()));
  }

  private static Map<String, String> labels(JsonObject metadata) {
    Map<String, String> labels = new HashMap<>();
    objectOrEmpty(metadata, "labels")
        .entrySet()
        .forEach(
            label -> {
              if (label.getValue().isJsonPrimitive()) {
                labels.put(label.getKey(), label.getValue().getAsString());
              }
            });
    return labels;
  }

  private static JsonObject objectOrEmpty(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  private static String text(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }
}
