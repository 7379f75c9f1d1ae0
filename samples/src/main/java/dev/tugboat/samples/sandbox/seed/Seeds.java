package dev.tugboat.samples.sandbox.seed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a seed by the name a user gives, e.g. on the sandbox's command line. */
public final class Seeds {

  private static final Pattern GENERATED = Pattern.compile("generated:(\\d+)x(\\d+)");

  private Seeds() {}

  /**
   * The seed called {@code empty}, {@code demo}, or {@code generated:<namespaces>x<objects>} (e.g.
   * {@code generated:100x1000} for 100 namespaces of 1000 objects each).
   *
   * @throws IllegalArgumentException naming the seed and the accepted names, for any other name
   */
  public static Seed named(String name) {
    if (name.equals("empty")) {
      return new EmptySeed();
    }
    if (name.equals("demo")) {
      return new DemoSeed();
    }
    Matcher generated = GENERATED.matcher(name);
    if (generated.matches()) {
      try {
        return new GeneratedSeed(
            Integer.parseInt(generated.group(1)), Integer.parseInt(generated.group(2)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Seed \"" + name + "\" asks for more namespaces or objects than fit in an int", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Seed \"" + name + "\": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException(
        "Unknown seed \""
            + name
            + "\": expected empty, demo or generated:<namespaces>x<objectsPerNamespace>"
            + " (e.g. generated:100x1000)");
  }
}
