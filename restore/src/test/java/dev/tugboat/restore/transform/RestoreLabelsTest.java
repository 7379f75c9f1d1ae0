package dev.tugboat.restore.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestoreLabelsTest {

  @Test
  void aNameOfAtMost63CharactersIsKept() {
    String name = "a23456789012345678901234567890123456789012345678901234567890123";
    assertThat(name).hasSize(63);
    assertThat(RestoreLabels.validValue(name)).isEqualTo(name);
  }

  @Test
  void aLongerNameKeeps57CharactersAndAppendsTheStartOfItsSha256() {
    // 67 characters; `printf %s NAME | sha256sum` = 1a7c52a7cb29ec0d...
    String name = "nightly-backup-of-the-production-payments-namespace-20261120-013000";
    assertThat(RestoreLabels.validValue(name))
        .isEqualTo("nightly-backup-of-the-production-payments-namespace-20261" + "1a7c52")
        .hasSize(63);
  }

  @Test
  void a64CharacterNameIsAlreadyHashed() {
    // `printf %s NAME | sha256sum` = 0db09c0a384cecd7...
    String name = "restore-of-nightly-backup-of-the-production-payments-namespace-x";
    assertThat(name).hasSize(64);
    assertThat(RestoreLabels.validValue(name))
        .isEqualTo("restore-of-nightly-backup-of-the-production-payments-name" + "0db09c");
  }
}
