package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreLayoutTest {

  @Test
  void backupKeysFollowVelero() {
    assertThat(StoreLayout.backupFolder("nightly")).isEqualTo("backups/nightly/");
    assertThat(StoreLayout.backupArchive("nightly")).isEqualTo("backups/nightly/nightly.tar.gz");
    assertThat(StoreLayout.backupMetadata("nightly"))
        .isEqualTo("backups/nightly/velero-backup.json");
    assertThat(StoreLayout.backupResourceList("nightly"))
        .isEqualTo("backups/nightly/nightly-resource-list.json.gz");
    assertThat(StoreLayout.backupResults("nightly"))
        .isEqualTo("backups/nightly/nightly-results.gz");
    assertThat(StoreLayout.backupLogs("nightly")).isEqualTo("backups/nightly/nightly-logs.gz");
  }

  @Test
  void restoreKeysFollowVelero() {
    assertThat(StoreLayout.restoreFolder("r1")).isEqualTo("restores/r1/");
    assertThat(StoreLayout.restoreLogs("r1")).isEqualTo("restores/r1/restore-r1-logs.gz");
    assertThat(StoreLayout.restoreResults("r1")).isEqualTo("restores/r1/restore-r1-results.gz");
    assertThat(StoreLayout.restoreResourceList("r1"))
        .isEqualTo("restores/r1/restore-r1-resource-list.json.gz");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "nightly-2026.06.01", "a.b-c.d"})
  void kubernetesObjectNamesAreValid(String name) {
    assertThat(StoreLayout.requireValidName("backup", name)).isEqualTo(name);
  }

  @Test
  void namesMayHave253CharactersButNotMore() {
    String longest = "a".repeat(253);

    assertThat(StoreLayout.backupFolder(longest)).isEqualTo("backups/" + longest + "/");
    assertThatThrownBy(() -> StoreLayout.backupFolder(longest + "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Nightly", "-a", "a-", ".a", "a.", "a..b", "a_b", "a/b", "a b", "ü"})
  void otherNamesAreRefusedWithTheRule(String name) {
    assertThatThrownBy(() -> StoreLayout.restoreLogs(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid restore name '"
                + name
                + "': it must be a lowercase RFC 1123 subdomain: at most 253 characters of"
                + " lowercase letters, digits, '-' and '.', starting and ending with a letter or"
                + " digit");
  }
}
