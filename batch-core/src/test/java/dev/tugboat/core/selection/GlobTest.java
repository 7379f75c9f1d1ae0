package dev.tugboat.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
    "app-*, app-web, true",
    "app-*, app-, true",
    "app-*, myapp-web, false",
    "*-prod, shop-prod, true",
    "*-prod, shop-prod-2, false",
    "a?c, abc, true",
    "a?c, ac, false",
    "a?c, abbc, false",
    "*, anything, true",
    "a.c, abc, false",
    "a+b, a+b, true",
    "[ab], a, false",
    "[ab], [ab], true",
    "App, app, false",
    "app, app, true",
  })
  void matchesWithStarAndQuestionMarkOnly(String pattern, String name, boolean expected) {
    assertThat(Glob.of(pattern, "namespace").test(name)).isEqualTo(expected);
  }

  @Test
  void rejectsBlankAndWhitespace() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.of(" ", "namespace"))
        .withMessage("A namespace pattern must not be blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.of("a b", "name"))
        .withMessage("The name pattern 'a b' must not contain whitespace");
  }
}
