package dev.tugboat.restore.capacity.resources;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;

/**
 * Amounts of resources by name, each a whole number in the unit the scheduler compares: {@code cpu}
 * in millicores, {@code memory}, {@code ephemeral-storage} and {@code hugepages-*} in bytes, {@code
 * pods} and extended resources (e.g. {@code nvidia.com/gpu}) as counts. A resource not named is
 * zero. Immutable.
 */
public final class ResourceVector {

  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";

  public static final ResourceVector ZERO = new ResourceVector(new TreeMap<>());

  /** Non-zero amounts only, so that equal vectors have equal maps. */
  private final SortedMap<String, Long> amounts;

  private ResourceVector(SortedMap<String, Long> amounts) {
    this.amounts = Collections.unmodifiableSortedMap(amounts);
  }

  /**
   * @param amounts resource name to amount in the scheduler's unit (see the class comment)
   */
  public static ResourceVector of(Map<String, Long> amounts) {
    SortedMap<String, Long> copy = new TreeMap<>();
    amounts.forEach(
        (name, amount) -> {
          Objects.requireNonNull(name, "resource name");
          if (amount != 0) {
            copy.put(name, amount);
          }
        });
    return new ResourceVector(copy);
  }

  /** One resource. */
  public static ResourceVector of(String name, long amount) {
    return of(Map.of(name, amount));
  }

  /**
   * Reads a Kubernetes resource list such as a container's {@code resources.requests} or a node's
   * {@code status.allocatable}: {@code {"cpu": "500m", "memory": "1Gi"}}. CPU is rounded up to
   * whole millicores and other amounts up to whole units, as the scheduler does.
   *
   * @throws IllegalArgumentException naming the resource when a value is not a quantity
   */
  public static ResourceVector parse(JsonObject resourceList) {
    SortedMap<String, Long> amounts = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : resourceList.entrySet()) {
      String name = entry.getKey();
      JsonElement value = entry.getValue();
      if (value == null || value.isJsonNull()) {
        continue;
      }
      if (!value.isJsonPrimitive()) {
        throw new IllegalArgumentException("resource '" + name + "' is not a quantity: " + value);
      }
      long amount = amount(name, value.getAsString());
      if (amount != 0) {
        amounts.put(name, amount);
      }
    }
    return new ResourceVector(amounts);
  }

  private static long amount(String name, String text) {
    BigDecimal value;
    try {
      value = new Quantity(text.trim()).getNumber();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "resource '" + name + "' is not a quantity: '" + text + "'", e);
    }
    if (name.equals(CPU)) {
      value = value.movePointRight(3);
    }
    return value.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** The amount of one resource; 0 when not named. */
  public long get(String name) {
    return amounts.getOrDefault(name, 0L);
  }

  /** The named, non-zero amounts, sorted by name. */
  public SortedMap<String, Long> amounts() {
    return amounts;
  }

  public boolean isZero() {
    return amounts.isEmpty();
  }

  public ResourceVector plus(ResourceVector other) {
    return combine(other, Long::sum);
  }

  public ResourceVector minus(ResourceVector other) {
    return combine(other, (a, b) -> a - b);
  }

  /** Each amount times {@code factor}, e.g. the demand of {@code factor} identical replicas. */
  public ResourceVector times(long factor) {
    SortedMap<String, Long> result = new TreeMap<>();
    amounts.forEach((name, amount) -> result.put(name, Math.multiplyExact(amount, factor)));
    return of(result);
  }

  /** The larger amount of each resource: how Kubernetes combines init containers with the rest. */
  public ResourceVector max(ResourceVector other) {
    return combine(other, Math::max);
  }

  /** Whether every amount is at most the same amount of {@code available}. */
  public boolean fitsIn(ResourceVector available) {
    return shortfall(available).isEmpty();
  }

  /**
   * The first resource, by name, of which more is needed than {@code available} holds: the
   * dimension that binds.
   */
  public Optional<String> shortfall(ResourceVector available) {
    for (Map.Entry<String, Long> amount : amounts.entrySet()) {
      if (amount.getValue() > available.get(amount.getKey())) {
        return Optional.of(amount.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * How many times this vector fits in {@code available}, the minimum over its resources (Karmada's
   * {@code MaxDivided}); {@link Long#MAX_VALUE} for the zero vector.
   */
  public long timesFitting(ResourceVector available) {
    long times = Long.MAX_VALUE;
    for (Map.Entry<String, Long> amount : amounts.entrySet()) {
      if (amount.getValue() > 0) {
        times = Math.min(times, Math.max(0, available.get(amount.getKey())) / amount.getValue());
      }
    }
    return times;
  }

  /**
   * The largest share this vector takes of {@code capacity} over its resources (the "dominant
   * share" of dominant resource fairness); resources the capacity lacks count as a full share.
   */
  public double dominantShare(ResourceVector capacity) {
    double share = 0;
    for (Map.Entry<String, Long> amount : amounts.entrySet()) {
      long total = capacity.get(amount.getKey());
      share = Math.max(share, total <= 0 ? 1.0 : (double) amount.getValue() / total);
    }
    return share;
  }

  private ResourceVector combine(ResourceVector other, LongBinaryOperator operator) {
    SortedMap<String, Long> result = new TreeMap<>(amounts);
    for (String name : other.amounts.keySet()) {
      result.putIfAbsent(name, 0L);
    }
    result.replaceAll((name, amount) -> operator.applyAsLong(amount, other.get(name)));
    return of(result);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceVector vector && amounts.equals(vector.amounts);
  }

  @Override
  public int hashCode() {
    return amounts.hashCode();
  }

  /** E.g. {@code cpu=500m memory=1Gi pods=1}, each amount as {@link Amounts} writes it. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    amounts.forEach(
        (name, amount) ->
            text.append(text.length() == 0 ? "" : " ")
                .append(name)
                .append('=')
                .append(Amounts.format(name, amount)));
    return text.length() == 0 ? "0" : text.toString();
  }
}
