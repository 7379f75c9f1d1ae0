package dev.tugboat.samples.sandbox;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the sandbox fails API requests on purpose: at random, each a probability between 0 and 1, 429
 * Too Many Requests (with {@code Retry-After: 1}), 500 Internal Server Error, or a connection
 * closed without an answer; and always, 403 Forbidden for every request of the {@code forbidden}
 * resources, as when RBAC does not let the client touch a type.
 *
 * @param forbidden resources as {@code plural} or {@code plural.group} (e.g. {@code secrets},
 *     {@code deployments.apps}), sub-resources included
 */
public record FaultPlan(
    double tooManyRequests, double serverError, double reset, Set<String> forbidden) {

  public static final FaultPlan NONE = new FaultPlan(0, 0, 0);

  public FaultPlan {
    forbidden = Set.copyOf(forbidden);
    check("429", tooManyRequests);
    check("500", serverError);
    check("reset", reset);
    if (tooManyRequests + serverError + reset > 1) {
      throw new IllegalArgumentException(
          "fault probabilities add up to more than 1: " + (tooManyRequests + serverError + reset));
    }
  }

  /** Random faults only, no forbidden resource. */
  public FaultPlan(double tooManyRequests, double serverError, double reset) {
    this(tooManyRequests, serverError, reset, Set.of());
  }

  /**
   * Parses {@code 429=0.05,500=0.02,reset=0.01,forbid=secrets}; unnamed faults do not happen, and
   * {@code forbid} may be repeated.
   *
   * @throws IllegalArgumentException naming the term that is wrong
   */
  public static FaultPlan parse(String text) {
    double tooMany = 0;
    double error = 0;
    double reset = 0;
    Set<String> forbidden = new LinkedHashSet<>();
    for (String term : text.split(",")) {
      if (term.isBlank()) {
        continue;
      }
      String[] parts = term.strip().split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "fault \"" + term + "\" is not of the form kind=probability, e.g. 429=0.05");
      }
      if (parts[0].strip().toLowerCase(Locale.ROOT).equals("forbid")) {
        forbidden.add(parts[1].strip());
        continue;
      }
      double probability;
      try {
        probability = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("fault \"" + term + "\": not a probability", e);
      }
      switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
        case "429" -> tooMany = probability;
        case "500" -> error = probability;
        case "reset" -> reset = probability;
        default ->
            throw new IllegalArgumentException(
                "unknown fault \"" + parts[0] + "\": use 429, 500, reset or forbid");
      }
    }
    return new FaultPlan(tooMany, error, reset, forbidden);
  }

  /**
   * Whether requests of {@code resource} ({@code plural[.group][/subresource]}, as the request
   * statistics name it) are refused.
   */
  boolean forbids(String resource) {
    int slash = resource.indexOf('/');
    return forbidden.contains(slash < 0 ? resource : resource.substring(0, slash));
  }

  boolean isNone() {
    return tooManyRequests + serverError + reset == 0;
  }

  private static void check(String name, double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "the probability of fault " + name + " must be between 0 and 1: " + probability);
    }
  }
}
