package dev.tugboat.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.core.selection.LabelRequirement.Operator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

  @ParameterizedTest(name = "[{0}] prints as [{1}]")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "|",
        "   |",
        "app=web|app=web",
        "app==web|app=web",
        "app!=web|app!=web",
        " app = web |app=web",
        "app=|app=",
        "tier in (web, api)|tier in (api,web)",
        "tier notin (db)|tier notin (db)",
        "tier in (web,web,api)|tier in (api,web)",
        "tier in (,web)|tier in (,web)",
        "app|app",
        "!app|!app",
        "z=1,a=2|a=2,z=1",
        "example.com/team=ops, !legacy|example.com/team=ops,!legacy",
        "app=web,app=web|app=web",
        "in in (in)|in in (in)",
      })
  void parsesToCanonicalForm(String input, String canonical) {
    LabelSelector selector = LabelSelector.parse(input == null ? "" : input);

    String expected = canonical == null ? "" : canonical;
    assertThat(selector.toString()).isEqualTo(expected);
    assertThat(LabelSelector.parse(expected)).isEqualTo(selector);
  }

  @ParameterizedTest(name = "[{0}] on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web|app=web|true",
        "app=web|app=api|false",
        "app=web||false",
        "app!=web|app=api|true",
        "app!=web|app=web|false",
        "app!=web||true",
        "tier in (web,api)|tier=api|true",
        "tier in (web,api)|tier=db|false",
        "tier in (web,api)||false",
        "tier notin (db)|tier=web|true",
        "tier notin (db)|tier=db|false",
        "tier notin (db)||true",
        "app|app=|true",
        "app|other=x|false",
        "!app|other=x|true",
        "!app|app=web|false",
        "app=|app=|true",
        "app=,tier=web|app=,tier=web|true",
        "app=web,tier=api|app=web,tier=db|false",
        "|app=web|true",
        "||true",
      })
  void matchesLabels(String selector, String labels, boolean expected) {
    assertThat(LabelSelector.parse(selector == null ? "" : selector).matches(labels(labels)))
        .isEqualTo(expected);
  }

  @Test
  void treatsNullLabelsAsNone() {
    assertThat(LabelSelector.parse("!app").matches(null)).isTrue();
    assertThat(LabelSelector.parse("app").matches(null)).isFalse();
  }

  @Test
  void exposesItsRequirementsInCanonicalOrder() {
    LabelSelector selector = LabelSelector.parse("tier notin (db,api,db),app==web,!legacy,owner");

    assertThat(selector.requirements())
        .containsExactly(
            new LabelRequirement("app", Operator.EQUALS, List.of("web")),
            new LabelRequirement("legacy", Operator.DOES_NOT_EXIST, List.of()),
            new LabelRequirement("owner", Operator.EXISTS, List.of()),
            new LabelRequirement("tier", Operator.NOT_IN, List.of("api", "db")));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> selector.requirements().clear());
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app|EQUALS||EQUALS does not take 0 values",
        "app|NOT_EQUALS|a,b|NOT_EQUALS does not take 2 values",
        "app|IN||IN does not take 0 values",
        "app|EXISTS|a|EXISTS does not take 1 values",
        "-app|EXISTS||the name part of a label key may contain only letters, digits, '-', '_' and"
            + " '.', and must start and end with a letter or digit",
        "app|IN|ok,x-|a label value may contain only letters, digits, '-', '_' and '.', and must"
            + " start and end with a letter or digit",
      })
  void rejectsRequirementsTheApiServerWouldRefuse(
      String key, Operator operator, String values, String problem) {
    List<String> valueList = values == null ? List.of() : List.of(values.split(","));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LabelRequirement(key, operator, valueList))
        .withMessage(
            "Invalid label requirement (key '%s', %s, values %s): %s",
            key, operator, valueList, problem);
  }

  @Test
  void emptySelectorIsTheEverythingSelector() {
    assertThat(LabelSelector.parse(" ")).isSameAs(LabelSelector.everything());
    assertThat(LabelSelector.everything().isEmpty()).isTrue();
    assertThat(LabelSelector.parse("a").isEmpty()).isFalse();
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "app in (a b)|11|expected ',' or ')' in the value list but found 'b'",
        "app in ()|8|the value list of 'in' must not be empty",
        "app notin (a|13|expected ',' or ')' in the value list but found end of input",
        "app in a|8|expected '(' after 'in' but found 'a'",
        "app=x y|7|expected ',' or end of input but found 'y'",
        "app=x,|7|expected a label key but found end of input",
        "=x|1|expected a label key but found '='",
        "!|2|expected a label key but found end of input",
        "!app=x|5|expected ',' or end of input but found '='",
        "app foo|5|expected an operator (=, ==, !=, in, notin), ',' or end of input after key 'app'"
            + " but found 'foo'",
        "app=(x)|5|expected a label value but found '('",
        "a>1|2|operator '>' is not supported",
        "-app=x|1|invalid key '-app': the name part of a label key may contain only letters,"
            + " digits, '-', '_' and '.', and must start and end with a letter or digit",
        "app=x-|5|invalid value 'x-': a label value may contain only letters, digits, '-', '_'"
            + " and '.', and must start and end with a letter or digit",
        "Example.com/a=b|1|invalid key 'Example.com/a': the prefix must be a DNS subdomain:"
            + " lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
        "a/b/c|1|invalid key 'a/b/c': a label key may contain at most one '/'",
        "/a|1|invalid key '/a': the prefix before '/' must not be empty",
        "example.com/|1|invalid key 'example.com/': the name part of a label key must not be"
            + " empty",
      })
  void rejectsInvalidSelectorsSayingWhatAndWhere(String input, int column, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LabelSelector.parse(input))
        .withMessage("Invalid label selector \"%s\" at column %d: %s", input, column, problem);
  }

  @Test
  void enforcesLengthLimits() {
    String longName = "a".repeat(64);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LabelSelector.parse("app=" + longName))
        .withMessageEndingWith(
            "at column 5: invalid value '"
                + longName
                + "': a label value must be at most 63"
                + " characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LabelSelector.parse(longName))
        .withMessageEndingWith(
            "at column 1: invalid key '"
                + longName
                + "': the name part of a label key must be at most 63 characters");
    assertThat(LabelSelector.parse("app=" + "a".repeat(63)).toString())
        .isEqualTo("app=" + "a".repeat(63));
  }

  /** "a=1,b=2" -> {a=1, b=2}; null -> no labels. */
  private static Map<String, String> labels(String text) {
    if (text == null) {
      return Map.of();
    }
    Map<String, String> labels = new HashMap<>();
    for (String pair : text.split(",")) {
      String[] keyValue = pair.split("=", -1);
      labels.put(keyValue[0], keyValue[1]);
    }
    return labels;
  }
}
