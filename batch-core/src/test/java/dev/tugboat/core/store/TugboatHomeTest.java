package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TugboatHomeTest {

  @Test
  void tugboatHomeVariableWins() {
    assertThat(TugboatHome.resolve(Map.of("TUGBOAT_HOME", "/srv/tugboat/"), "/home/ann"))
        .isEqualTo(Path.of("/srv/tugboat"));
  }

  @Test
  void defaultsToDotTugboatInTheUserHome() {
    assertThat(TugboatHome.resolve(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.tugboat"));
    assertThat(TugboatHome.resolve(Map.of("TUGBOAT_HOME", " "), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.tugboat"));
  }
}
