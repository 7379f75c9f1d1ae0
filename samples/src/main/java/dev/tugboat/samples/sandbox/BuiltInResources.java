package dev.tugboat.samples.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Reads the table of built-in resource types, {@code built-in-resources.txt}. */
final class BuiltInResources {

  private static final String TABLE = "built-in-resources.txt";

  private BuiltInResources() {}

  static List<ResourceType> load() {
    try (InputStream in = BuiltInResources.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + TABLE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<ResourceType> types = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          types.add(parse(trimmed, number));
        }
      }
      return List.copyOf(types);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TABLE, e);
    }
  }

  private static ResourceType parse(String line, int number) {
    String[] columns = line.split("\\s+");
    if (columns.length != 9) {
      throw new IllegalStateException(
          TABLE + " line " + number + ": expected 9 columns, got " + columns.length);
    }
    String apiVersion = columns[0];
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    return new ResourceType(
        group,
        version,
        columns[1],
        columns[2],
        columns[3],
        "Namespaced".equals(columns[4]),
        list(columns[5]),
        Set.copyOf(list(columns[6])),
        list(columns[7]),
        "object".equals(columns[8]));
  }

  private static List<String> list(String column) {
    return "-".equals(column) ? List.of() : Arrays.asList(column.split(","));
  }
}
