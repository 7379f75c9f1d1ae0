package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An immutable map from resource name ({@code cpu}, {@code memory}, {@code requests.cpu}...) to
 * quantity, like Kubernetes' {@code ResourceList}. Amounts are exact: cpu in cores (0.5 for {@code
 * 500m}), memory in bytes. Sums keep the format of their first non-zero term, as Kubernetes does,
 * so {@code 512Mi + 512Mi} prints as {@code 1Gi}.
 */
public final class ResourceList {

  private static final ResourceList EMPTY = new ResourceList(new TreeMap<>());

  private final SortedMap<String, Quantity> quantities;

  private ResourceList(SortedMap<String, Quantity> quantities) {
    this.quantities = Collections.unmodifiableSortedMap(quantities);
  }

  public static ResourceList empty() {
    return EMPTY;
  }

  /**
   * Reads a JSON map of quantity strings such as a container's {@code resources.requests}; null
   * reads as empty.
   *
   * @throws IllegalArgumentException naming the resource when a quantity does not parse
   */
  public static ResourceList parse(JsonObject json) {
    if (json == null) {
      return EMPTY;
    }
    SortedMap<String, Quantity> parsed = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
      String text = entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString() : null;
      parsed.put(entry.getKey(), parseQuantity(entry.getKey(), text));
    }
    return new ResourceList(parsed);
  }

  /** One resource, e.g. {@code ResourceList.of("pods", "1")}. */
  public static ResourceList of(String resource, String quantity) {
    return EMPTY.with(resource, parseQuantity(resource, quantity));
  }

  public boolean isEmpty() {
    return quantities.isEmpty();
  }

  public boolean has(String resource) {
    return quantities.containsKey(resource);
  }

  /** The amount of a resource, zero when absent. */
  public BigDecimal amount(String resource) {
    Quantity quantity = quantities.get(resource);
    return quantity == null ? BigDecimal.ZERO : quantity.getNumber();
  }

  /** The resource names, sorted. */
  public Collection<String> names() {
    return quantities.keySet();
  }

  /** The canonical Kubernetes text of a resource's quantity, e.g. {@code 500m}, {@code 1Gi}. */
  public String format(String resource) {
    Quantity quantity = quantities.get(resource);
    return quantity == null ? "0" : format(quantity);
  }

  private ResourceList with(String resource, Quantity quantity) {
    SortedMap<String, Quantity> copy = new TreeMap<>(quantities);
    copy.put(resource, normalized(quantity));
    return new ResourceList(copy);
  }

  /** Every resource of either list, amounts added. */
  public ResourceList plus(ResourceList other) {
    SortedMap<String, Quantity> sum = new TreeMap<>(quantities);
    other.quantities.forEach((name, quantity) -> sum.merge(name, quantity, ResourceList::add));
    return new ResourceList(sum);
  }

  /** Every resource of either list, amounts of {@code other} subtracted. */
  public ResourceList minus(ResourceList other) {
    SortedMap<String, Quantity> difference = new TreeMap<>(quantities);
    other.quantities.forEach(
        (name, quantity) ->
            difference.merge(
                name,
                normalized(new Quantity(quantity.getNumber().negate(), quantity.getFormat())),
                ResourceList::add));
    return new ResourceList(difference);
  }

  /** Every resource of either list, with the larger amount. */
  public ResourceList max(ResourceList other) {
    SortedMap<String, Quantity> max = new TreeMap<>(quantities);
    other.quantities.forEach(
        (name, quantity) ->
            max.merge(
                name,
                quantity,
                (mine, theirs) ->
                    theirs.getNumber().compareTo(mine.getNumber()) > 0 ? theirs : mine));
    return new ResourceList(max);
  }

  /** This list, plus the resources of {@code defaults} it does not have. */
  public ResourceList withDefaults(ResourceList defaults) {
    SortedMap<String, Quantity> merged = new TreeMap<>(defaults.quantities);
    merged.putAll(quantities);
    return new ResourceList(merged);
  }

  /** Only the named resources. */
  public ResourceList only(Collection<String> resources) {
    SortedMap<String, Quantity> kept = new TreeMap<>(quantities);
    kept.keySet().retainAll(resources);
    return new ResourceList(kept);
  }

  /** The quantities as a JSON map of canonical strings, as Kubernetes writes them. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    quantities.forEach((name, quantity) -> json.addProperty(name, format(quantity)));
    return json;
  }

  /** {@code name=quantity} pairs sorted by name, comma-separated, as quota messages print them. */
  @Override
  public String toString() {
    return quantities.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + format(entry.getValue()))
        .collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceList list && toString().equals(list.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The canonical text Kubernetes prints for a quantity. */
  static String format(Quantity quantity) {
    return normalized(quantity).toSuffixedString();
  }

  private static Quantity parseQuantity(String resource, String text) {
    if (text != null) {
      try {
        return normalized(Quantity.fromString(text));
      } catch (QuantityFormatException | NumberFormatException e) {
        // falls through to the message naming the resource
      }
    }
    throw new IllegalArgumentException(
        "quantity \"" + text + "\" of resource " + resource + " is not a Kubernetes quantity");
  }

  private static Quantity add(Quantity left, Quantity right) {
    Quantity.Format format = left.getNumber().signum() == 0 ? right.getFormat() : left.getFormat();
    return normalized(new Quantity(left.getNumber().add(right.getNumber()), format));
  }

  /**
   * Strips trailing decimals: the client's formatter prints a zero with a scale as {@code 0u} and
   * {@code 1.500} with a needless suffix. Integers keep scale 0, which its formatter needs.
   */
  private static Quantity normalized(Quantity quantity) {
    BigDecimal number = quantity.getNumber();
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.equals(number) ? quantity : new Quantity(stripped, quantity.getFormat());
  }
}
