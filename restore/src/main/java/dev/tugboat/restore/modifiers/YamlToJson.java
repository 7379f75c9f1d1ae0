package dev.tugboat.restore.modifiers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts one YAML document to JSON the way Kubernetes tools do ({@code sigs.k8s.io/yaml}): plain
 * scalars become numbers, booleans ({@code true}, {@code yes}, {@code on}... YAML 1.1) or null,
 * everything else a string; keys become strings. Duplicate keys are rejected, as by Velero's strict
 * decoding. The YAML is composed into nodes rather than constructed into Java objects, so no class
 * is ever instantiated from the text and dates stay strings.
 */
public final class YamlToJson {

  private static final Set<String> TRUE = Set.of("true", "yes", "on");

  private YamlToJson() {}

  /**
   * @throws IllegalArgumentException when the text is not one YAML document, is empty, repeats a
   *     key, or holds a value JSON cannot represent (infinity, NaN, a non-scalar key)
   */
  public static JsonElement convert(String yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (YAMLException e) {
      throw new IllegalArgumentException("it is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new IllegalArgumentException("it is empty");
    }
    return toJson(root);
  }

  private static JsonElement toJson(Node node) {
    if (node instanceof MappingNode mapping) {
      JsonObject object = new JsonObject();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
          throw new IllegalArgumentException(
              "a key at " + position(tuple.getKeyNode()) + " is not a scalar");
        }
        String key = keyNode.getValue();
        if (object.has(key)) {
          throw new IllegalArgumentException(
              "the key '" + key + "' is repeated at " + position(keyNode));
        }
        object.add(key, toJson(tuple.getValueNode()));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      JsonArray array = new JsonArray();
      sequence.getValue().forEach(element -> array.add(toJson(element)));
      return array;
    }
    return scalar((ScalarNode) node);
  }

  private static JsonElement scalar(ScalarNode node) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return JsonNull.INSTANCE;
    }
    if (tag.equals(Tag.BOOL)) {
      return new JsonPrimitive(TRUE.contains(text.toLowerCase(Locale.ROOT)));
    }
    try {
      if (tag.equals(Tag.INT)) {
        return new JsonPrimitive(integer(text));
      }
      if (tag.equals(Tag.FLOAT)) {
        return new JsonPrimitive(new BigDecimal(text.replace("_", "")));
      }
    } catch (NumberFormatException e) {
      // Infinity, NaN and base-60 floats have no JSON number form.
      throw new IllegalArgumentException(
          "the number '" + text + "' at " + position(node) + " has no JSON form", e);
    }
    return new JsonPrimitive(text);
  }

  /** YAML 1.1 integers: decimal, 0b binary, 0x hexadecimal, 0 octal, with '_' separators. */
  private static BigInteger integer(String text) {
    String digits = text.replace("_", "");
    boolean negative = digits.startsWith("-");
    if (digits.startsWith("-") || digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    BigInteger value;
    if (digits.startsWith("0x")) {
      value = new BigInteger(digits.substring(2), 16);
    } else if (digits.startsWith("0b")) {
      value = new BigInteger(digits.substring(2), 2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      value = new BigInteger(digits.substring(1), 8);
    } else if (digits.contains(":")) {
      value = sexagesimal(digits);
    } else {
      value = new BigInteger(digits);
    }
    return negative ? value.negate() : value;
  }

  /** YAML 1.1 base-60 integers such as {@code 1:30} (90). */
  private static BigInteger sexagesimal(String digits) {
    BigInteger value = BigInteger.ZERO;
    for (String part : digits.split(":")) {
      value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
    }
    return value;
  }

  private static String position(Node node) {
    return "line " + (node.getStartMark().getLine() + 1);
  }
}
