package dev.tugboat.samples.e2e;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The write requests a sandbox served since its counters were last reset, by verb. */
final class WriteRequests {

  private static final List<String> WRITE_VERBS =
      List.of("create", "update", "patch", "delete", "deletecollection");

  private WriteRequests() {}

  /** E.g. {@code {create=4, patch=1}}; verbs with no request are left out. */
  static Map<String, Long> of(Sandbox sandbox) {
    JsonObject byVerb = sandbox.stats().getAsJsonObject("byVerb");
    Map<String, Long> writes = new TreeMap<>();
    for (String verb : WRITE_VERBS) {
      if (byVerb.has(verb)) {
        writes.put(verb, byVerb.get(verb).getAsLong());
      }
    }
    return writes;
  }
}
