package dev.tugboat.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpirationRuleTest {

  private final ExpirationRule rule =
      new ExpirationRule(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aBackupWhoseExpirationHasPassedIsDeleted() {
    assertThat(rule.decide("old", metadata("Completed", "2026-03-01T09:59:59Z")))
        .isEqualTo(new RetentionDecision("old", true, "expired at 2026-03-01T09:59:59Z"));
  }

  @Test
  void aBackupExpiringNowIsDeleted() {
    assertThat(rule.decide("due", metadata("PartiallyFailed", "2026-03-01T10:00:00Z")))
        .isEqualTo(new RetentionDecision("due", true, "expired at 2026-03-01T10:00:00Z"));
  }

  @Test
  void aBackupExpiringLaterIsKept() {
    assertThat(rule.decide("new", metadata("Completed", "2026-03-01T10:00:01Z")))
        .isEqualTo(new RetentionDecision("new", false, "expires at 2026-03-01T10:00:01Z"));
  }

  @Test
  void aBackupWithoutExpirationIsKept() {
    assertThat(rule.decide("forever", metadata("Completed", null)))
        .isEqualTo(new RetentionDecision("forever", false, "no expiration"));
  }

  @Test
  void aBackupStillBeingWrittenIsKeptEvenWhenExpired() {
    assertThat(rule.decide("running", metadata("InProgress", "2020-01-01T00:00:00Z")))
        .isEqualTo(new RetentionDecision("running", false, "being written: phase InProgress"));
    assertThat(rule.decide("staging", Optional.empty()))
        .isEqualTo(
            new RetentionDecision("staging", false, "being written: no velero-backup.json yet"));
  }

  @Test
  void aBackupWhoseMetadataCannotBeReadIsKeptWithTheReason() {
    assertThat(rule.decide("broken", Optional.of(bytes("{not json"))))
        .isEqualTo(
            new RetentionDecision(
                "broken", false, "unreadable: velero-backup.json is not valid JSON"));
  }

  private static Optional<byte[]> metadata(String phase, String expiration) {
    String status =
        expiration == null
            ? "{\"phase\":\"%s\"}".formatted(phase)
            : "{\"phase\":\"%s\",\"expiration\":\"%s\"}".formatted(phase, expiration);
    return Optional.of(
        bytes(
            "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\",\"metadata\":{\"name\":\"b\"},"
                + "\"status\":"
                + status
                + "}"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
