package dev.tugboat.restore.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreSummaryTest {

  private static RestoreSummary summary() {
    Map<String, Long> items = new LinkedHashMap<>();
    items.put("unchanged", 2L);
    items.put("created", 5L);
    items.put("not-restored", 1L);
    return new RestoreSummary(
        "r1",
        "b1",
        "PartiallyFailed",
        false,
        "2026-11-22T10:15:30Z",
        "2026-11-22T10:16:00Z",
        items,
        3,
        1,
        Map.of("shop", "shop-copy"),
        "update",
        "run-a");
  }

  private static final String JSON =
      """
      {
        "name": "r1",
        "backup": "b1",
        "phase": "PartiallyFailed",
        "dryRun": false,
        "started": "2026-11-22T10:15:30Z",
        "completed": "2026-11-22T10:16:00Z",
        "items": {
          "created": 5,
          "not-restored": 1,
          "unchanged": 2
        },
        "warnings": 3,
        "errors": 1,
        "namespaceMapping": {
          "shop": "shop-copy"
        },
        "existingResourcePolicy": "update",
        "ledgerRun": "run-a"
      }""";

  @Test
  void writesPrettyJsonWithSortedCounts() {
    assertThat(summary().toJson()).isEqualTo(JSON);
  }

  @Test
  void writesTheJsonAndANewlineAsItsBody() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    summary().writeTo(out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JSON + "\n");
  }

  @Test
  void jsonRoundTrip() {
    RestoreSummary read = RestoreSummary.parse(summary().toJson());

    assertThat(read).isEqualTo(summary());
    assertThat(read.count("created")).isEqualTo(5);
    assertThat(read.count("failed")).isZero();
  }

  @Test
  void rejectsTextThatIsNotJson() {
    assertThatThrownBy(() -> RestoreSummary.parse("{\"name\": \"r1\", \"items\": 3}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the restore summary cannot be read: ");
    assertThatThrownBy(() -> RestoreSummary.parse("not json {"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the restore summary cannot be read: ");
  }

  @Test
  void rejectsEmptyText() {
    assertThatThrownBy(() -> RestoreSummary.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Tugboat restore summary");
  }

  @Test
  void rejectsJsonWithoutANameOrCounts() {
    assertThatThrownBy(() -> RestoreSummary.parse("{\"backup\": \"b1\", \"items\": {}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the restore summary cannot be read: ");
    assertThatThrownBy(() -> RestoreSummary.parse("{\"name\": \"r1\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the restore summary cannot be read: ");
  }
}
