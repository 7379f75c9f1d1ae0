package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Stops a workload by setting one field of its {@code spec} to the value that runs nothing:
 * replicas or a Job's parallelism to 0, a CronJob's suspend to true. An absent field counts as its
 * Kubernetes default, which is what the API server would have set.
 */
final class ScalarSwitch implements QuiesceSwitch {

  /** Deployments, StatefulSets and ReplicaSets: no pods. */
  static final ScalarSwitch REPLICAS =
      new ScalarSwitch(
          CutoverAnnotations.PRE_QUIESCE_REPLICAS,
          "replicas",
          new JsonPrimitive(1),
          new JsonPrimitive(0));

  /** CronJobs: no new Jobs. */
  static final ScalarSwitch SUSPEND =
      new ScalarSwitch(
          CutoverAnnotations.PRE_QUIESCE_SUSPEND,
          "suspend",
          new JsonPrimitive(false),
          new JsonPrimitive(true));

  /** Jobs: no running pods; the Job keeps its completions for later. */
  static final ScalarSwitch PARALLELISM =
      new ScalarSwitch(
          CutoverAnnotations.PRE_QUIESCE_PARALLELISM,
          "parallelism",
          new JsonPrimitive(1),
          new JsonPrimitive(0));

  private final String annotation;
  private final String field;
  private final JsonPrimitive defaultValue;
  private final JsonPrimitive stopped;

  private ScalarSwitch(
      String annotation, String field, JsonPrimitive defaultValue, JsonPrimitive stopped) {
    this.annotation = annotation;
    this.field = field;
    this.defaultValue = defaultValue;
    this.stopped = stopped;
  }

  @Override
  public String annotation() {
    return annotation;
  }

  @Override
  public Change stop(JsonObject live) {
    JsonPrimitive current = current(live);
    return new Change(spec(stopped), current.toString(), describe(current, stopped));
  }

  @Override
  public Change restore(JsonObject live, String recorded) throws UnreadableOriginalException {
    JsonPrimitive original = parse(recorded);
    return new Change(spec(original), null, describe(current(live), original));
  }

  private JsonPrimitive current(JsonObject live) {
    JsonElement spec = live.get("spec");
    JsonElement value =
        spec != null && spec.isJsonObject() ? spec.getAsJsonObject().get(field) : null;
    return value != null && value.isJsonPrimitive() ? value.getAsJsonPrimitive() : defaultValue;
  }

  private JsonPrimitive parse(String recorded) throws UnreadableOriginalException {
    boolean number = stopped.isNumber();
    String expected = number ? "a whole number" : "true or false";
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(recorded);
    } catch (JsonParseException e) {
      throw new UnreadableOriginalException(annotation, recorded, expected);
    }
    boolean readable =
        number
            ? parsed.isJsonPrimitive() && recorded.strip().matches("[0-9]+")
            : parsed.isJsonPrimitive() && parsed.getAsJsonPrimitive().isBoolean();
    if (!readable) {
      throw new UnreadableOriginalException(annotation, recorded, expected);
    }
    return parsed.getAsJsonPrimitive();
  }

  private JsonObject spec(JsonPrimitive value) {
    JsonObject spec = new JsonObject();
    spec.add(field, value);
    return spec;
  }

  private String describe(JsonPrimitive from, JsonPrimitive to) {
    return field + " " + from + " -> " + to;
  }
}
