package dev.tugboat.restore.capacity.simulate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a ResourceQuota's {@code spec.hard} or {@code status.used} into the scheduler's units: the
 * cpu keys ({@code cpu}, {@code requests.cpu}, {@code limits.cpu}) in millicores, the others as
 * plain numbers, zeros kept (a hard limit of 0 forbids).
 */
public final class QuotaAmounts {

  private static final Set<String> CPU_KEYS = Set.of("cpu", "requests.cpu", "limits.cpu");

  private QuotaAmounts() {}

  /**
   * @throws IllegalArgumentException naming the key when a value is not a quantity
   */
  public static SortedMap<String, Long> parse(JsonObject resourceList) {
    SortedMap<String, Long> amounts = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : resourceList.entrySet()) {
      String key = entry.getKey();
      // Parse as if the key were a resource of the same unit, to share the rounding rules.
      String unitOf = CPU_KEYS.contains(key) ? ResourceVector.CPU : "count";
      JsonObject single = new JsonObject();
      single.add(unitOf, entry.getValue());
      try {
        amounts.put(key, ResourceVector.parse(single).get(unitOf));
      } catch (IllegalArgumentException | JsonParseException e) {
        throw new IllegalArgumentException(
            "quota key '" + key + "' is not a quantity: " + entry.getValue(), e);
      }
    }
    return amounts;
  }
}
