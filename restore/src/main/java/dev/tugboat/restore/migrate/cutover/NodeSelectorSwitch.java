package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * Stops a DaemonSet, which has no replica count, as MTC does: its pod template selects nodes
 * labelled {@value CutoverAnnotations#QUIESCED_NODE_LABEL}, which no node is, so its pods go away.
 * The original node selector is recorded as JSON, {@code null} when there was none.
 */
final class NodeSelectorSwitch implements QuiesceSwitch {

  static final NodeSelectorSwitch INSTANCE = new NodeSelectorSwitch();

  private NodeSelectorSwitch() {}

  @Override
  public String annotation() {
    return CutoverAnnotations.PRE_QUIESCE_NODE_SELECTOR;
  }

  @Override
  public Change stop(JsonObject live) {
    JsonObject current = current(live);
    JsonObject added = new JsonObject();
    added.addProperty(
        CutoverAnnotations.QUIESCED_NODE_LABEL, CutoverAnnotations.QUIESCED_NODE_VALUE);
    JsonObject after = current == null ? new JsonObject() : current.deepCopy();
    after.addProperty(
        CutoverAnnotations.QUIESCED_NODE_LABEL, CutoverAnnotations.QUIESCED_NODE_VALUE);
    // A merge patch merges maps: only the added label needs sending.
    return new Change(
        spec(added),
        current == null ? JsonNull.INSTANCE.toString() : current.toString(),
        describe(current, after));
  }

  @Override
  public Change restore(JsonObject live, String recorded) throws UnreadableOriginalException {
    JsonObject original = parse(recorded);
    JsonObject current = current(live);
    JsonElement selector;
    if (original == null) {
      selector = JsonNull.INSTANCE;
    } else {
      // A merge patch merges maps: labels added since (ours at least) must be removed by name.
      JsonObject exact = new JsonObject();
      if (current != null) {
        for (String label : current.keySet()) {
          if (!original.has(label)) {
            exact.add(label, JsonNull.INSTANCE);
          }
        }
      }
      for (Map.Entry<String, JsonElement> label : original.entrySet()) {
        exact.add(label.getKey(), label.getValue());
      }
      selector = exact;
    }
    return new Change(spec(selector), null, describe(current, original));
  }

  /** The live node selector, {@code null} when there is none. */
  private static JsonObject current(JsonObject live) {
    JsonElement selector = live;
    for (String field : new String[] {"spec", "template", "spec", "nodeSelector"}) {
      if (selector == null || !selector.isJsonObject()) {
        return null;
      }
      selector = selector.getAsJsonObject().get(field);
    }
    return selector != null && selector.isJsonObject() ? selector.getAsJsonObject() : null;
  }

  private JsonObject parse(String recorded) throws UnreadableOriginalException {
    String expected = "a JSON map of labels or null";
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(recorded);
    } catch (JsonParseException e) {
      throw new UnreadableOriginalException(annotation(), recorded, expected);
    }
    if (parsed.isJsonNull()) {
      return null;
    }
    if (!parsed.isJsonObject()) {
      throw new UnreadableOriginalException(annotation(), recorded, expected);
    }
    for (JsonElement value : parsed.getAsJsonObject().asMap().values()) {
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        throw new UnreadableOriginalException(annotation(), recorded, expected);
      }
    }
    return parsed.getAsJsonObject();
  }

  private static JsonObject spec(JsonElement nodeSelector) {
    JsonObject podSpec = new JsonObject();
    podSpec.add("nodeSelector", nodeSelector);
    JsonObject template = new JsonObject();
    template.add("spec", podSpec);
    JsonObject spec = new JsonObject();
    spec.add("template", template);
    return spec;
  }

  private static String describe(JsonObject from, JsonObject to) {
    return "nodeSelector " + (from == null ? "none" : from) + " -> " + (to == null ? "none" : to);
  }
}
