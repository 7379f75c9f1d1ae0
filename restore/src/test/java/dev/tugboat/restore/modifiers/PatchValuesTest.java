package dev.tugboat.restore.modifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchValuesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "premium          | \"premium\"",
        "3                | 3",
        "-1.5e2           | -1.5e2",
        "true             | true",
        "FALSE            | false",
        "null             | null",
        "\"true\"         | \"true\"",
        "\"42\"           | \"42\"",
        "'{\"a\": [1]}'   | {\"a\": [1]}",
        "'[\"x\"]'        | [\"x\"]",
        "+1               | \"+1\"",
        "0x10             | \"0x10\"",
      })
  void typesValuesLikeVelero(String text, String json) {
    assertThat(PatchValues.parse(text)).isEqualTo(JsonParser.parseString(json));
  }

  @Test
  void emptyTextIsTheEmptyString() {
    assertThat(PatchValues.parse("")).isEqualTo(JsonParser.parseString("\"\""));
  }
}
