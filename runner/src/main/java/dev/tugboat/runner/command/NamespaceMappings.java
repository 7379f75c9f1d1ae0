package dev.tugboat.runner.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --namespace-mappings}, shared by {@code restore create} and {@code capacity}. */
final class NamespaceMappings {

  private NamespaceMappings() {}

  /**
   * @param pairs {@code SOURCE:TARGET} each, as picocli split them at the commas
   * @return source namespace to target namespace, in the order given
   * @throws IllegalArgumentException naming the option and the pair that is wrong
   */
  static Map<String, String> parse(List<String> pairs) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String pair : pairs) {
      String[] parts = pair.split(":", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "--namespace-mappings: '" + pair + "' is not SOURCE:TARGET");
      }
      if (mapping.put(parts[0], parts[1]) != null) {
        throw new IllegalArgumentException(
            "--namespace-mappings: namespace '" + parts[0] + "' is mapped twice");
      }
    }
    return mapping;
  }
}
