package dev.tugboat.samples.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedsTest {

  @Test
  void findsTheEmptySeed() {
    Seed seed = Seeds.named("empty");

    assertThat(seed).isInstanceOf(EmptySeed.class);
    assertThat(seed.objects()).isEmpty();
  }

  @Test
  void findsTheDemoSeed() {
    assertThat(Seeds.named("demo")).isInstanceOf(DemoSeed.class);
  }

  @Test
  void findsAGeneratedSeedOfTheGivenSize() {
    Seed seed = Seeds.named("generated:3x7");

    assertThat(seed.name()).isEqualTo("generated:3x7");
    assertThat(seed.objects()).hasSize(24);
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "demo", "generated:100x1000"})
  void givesSeedsTheNameTheyWereFoundBy(String name) {
    assertThat(Seeds.named(name).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Demo", "generated", "generated:10", "generated:10x", "generated:-1x5"})
  void refusesUnknownNames(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Seeds.named(name))
        .withMessage(
            "Unknown seed \""
                + name
                + "\": expected empty, demo or generated:<namespaces>x<objectsPerNamespace>"
                + " (e.g. generated:100x1000)");
  }

  @Test
  void refusesAGeneratedSeedWithoutNamespaces() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Seeds.named("generated:0x5"))
        .withMessage("Seed \"generated:0x5\": A generated seed needs at least 1 namespace, got 0");
  }

  @Test
  void refusesSizesBeyondAnInt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Seeds.named("generated:3000000000x1"))
        .withMessage(
            "Seed \"generated:3000000000x1\" asks for more namespaces or objects than fit in an"
                + " int");
  }
}
