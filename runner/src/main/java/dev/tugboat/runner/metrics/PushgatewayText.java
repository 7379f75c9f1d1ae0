package dev.tugboat.runner.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Writes counters and timers in Prometheus' text exposition format (version 0.0.4), the body a
 * Pushgateway accepts, as Prometheus' own registry names them: a counter {@code a.b} becomes {@code
 * a_b_total}, a timer a summary {@code a_b_seconds} with {@code _count} and {@code _sum}. Families
 * and their lines are sorted, so that the same meters always give the same text.
 */
final class PushgatewayText {

  private PushgatewayText() {}

  static String of(MeterRegistry registry) {
    Map<String, Family> families = new TreeMap<>();
    for (Meter meter : registry.getMeters()) {
      String name =
          NamingConvention.snakeCase.name(meter.getId().getName(), meter.getId().getType());
      String labels = labels(meter.getId().getTags());
      if (meter instanceof Counter counter) {
        family(families, name + "_total", "counter")
            .add(name + "_total" + labels + " " + number(counter.count()));
      } else if (meter instanceof Timer timer) {
        String seconds = name + "_seconds";
        family(families, seconds, "summary")
            .add(seconds + "_count" + labels + " " + number(timer.count()))
            .add(seconds + "_sum" + labels + " " + number(timer.totalTime(TimeUnit.SECONDS)));
      } else {
        throw new IllegalArgumentException(
            "meter " + meter.getId().getName() + " is neither a counter nor a timer");
      }
    }
    StringBuilder text = new StringBuilder();
    families.forEach(
        (name, family) -> {
          text.append("# TYPE ").append(name).append(' ').append(family.type).append('\n');
          family.lines.stream().sorted().forEach(line -> text.append(line).append('\n'));
        });
    return text.toString();
  }

  private static Family family(Map<String, Family> families, String name, String type) {
    return families.computeIfAbsent(name, n -> new Family(type));
  }

  /** E.g. {@code {run="nightly",tugboat_job="backup"}}; Micrometer sorts tags by key. */
  private static String labels(List<Tag> tags) {
    if (tags.isEmpty()) {
      return "";
    }
    return tags.stream()
        .map(
            tag ->
                NamingConvention.snakeCase.tagKey(tag.getKey())
                    + "=\""
                    + escape(tag.getValue())
                    + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** A label value's escapes: backslash, double quote and line feed. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Whole numbers without a fraction, as counts read best. */
  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static final class Family {

    private final String type;
    private final List<String> lines = new ArrayList<>();

    Family(String type) {
      this.type = type;
    }

    Family add(String line) {
      lines.add(line);
      return this;
    }
  }
}
