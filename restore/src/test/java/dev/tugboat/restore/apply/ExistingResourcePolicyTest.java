package dev.tugboat.restore.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExistingResourcePolicyTest {

  @ParameterizedTest
  @CsvSource({"none, NONE", "update, UPDATE", "recreate, RECREATE", "' Update ', UPDATE"})
  void parsesTheCommandLineNames(String value, ExistingResourcePolicy expected) {
    assertThat(ExistingResourcePolicy.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "replace", "updates"})
  void rejectsOtherValuesNamingTheAcceptedOnes(String value) {
    assertThatThrownBy(() -> ExistingResourcePolicy.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown existing-resource policy \""
                + value
                + "\": expected one of none, update, recreate");
  }
}
