package dev.tugboat.samples.sandbox;

import java.util.Locale;

/**
 * How often the sandbox fails API requests on purpose, each a probability between 0 and 1: 429 Too
 * Many Requests (with {@code Retry-After: 1}), 500 Internal Server Error, or a connection closed
 * without an answer.
 */
public record FaultPlan(double tooManyRequests, double serverError, double reset) {

  public static final FaultPlan NONE = new FaultPlan(0, 0, 0);

  public FaultPlan {
    check("429", tooManyRequests);
    check("500", serverError);
    check("reset", reset);
    if (tooManyRequests + serverError + reset > 1) {
      throw new IllegalArgumentException(
          "fault probabilities add up to more than 1: " + (tooManyRequests + serverError + reset));
    }
  }

  /**
   * Parses {@code 429=0.05,500=0.02,reset=0.01}; unnamed faults do not happen.
   *
   * @throws IllegalArgumentException naming the term that is wrong
   */
  public static FaultPlan parse(String text) {
    double tooMany = 0;
    double error = 0;
    double reset = 0;
    for (String term : text.split(",")) {
      if (term.isBlank()) {
        continue;
      }
      String[] parts = term.strip().split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "fault \"" + term + "\" is not of the form kind=probability, e.g. 429=0.05");
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
                "unknown fault \"" + parts[0] + "\": use 429, 500 or reset");
      }
    }
    return new FaultPlan(tooMany, error, reset);
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
