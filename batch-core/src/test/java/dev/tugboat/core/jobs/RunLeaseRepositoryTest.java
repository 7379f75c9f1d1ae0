package dev.tugboat.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class RunLeaseRepositoryTest {

  private static final RunOwner OWNER = new RunOwner(42, "host-a");
  private static final Instant HEARTBEAT = Instant.parse("2026-03-01T12:00:00.123Z");

  private final RunLeaseRepository leases =
      new RunLeaseRepository(
          new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:leases;DB_CLOSE_DELAY=-1")));

  @BeforeEach
  void createTableTwice() {
    leases.createTableIfMissing();
    leases.createTableIfMissing();
    leases.delete(1);
  }

  @Test
  void storesAndFindsALease() {
    leases.insert(new RunLease(1, OWNER, HEARTBEAT));

    assertThat(leases.find(1)).contains(new RunLease(1, OWNER, HEARTBEAT));
    assertThat(leases.find(2)).isEmpty();
  }

  @Test
  void onlyTheOwnerRenews() {
    leases.insert(new RunLease(1, OWNER, HEARTBEAT));
    Instant later = HEARTBEAT.plusSeconds(10);

    assertThat(leases.renew(1, new RunOwner(43, "host-a"), later)).isFalse();
    assertThat(leases.renew(1, OWNER, later)).isTrue();
    assertThat(leases.find(1)).contains(new RunLease(1, OWNER, later));
  }

  @Test
  void keepsMillisecondsOnly() {
    leases.insert(new RunLease(1, OWNER, HEARTBEAT.plusNanos(999_999)));

    assertThat(leases.find(1)).contains(new RunLease(1, OWNER, HEARTBEAT));
  }

  @Test
  void deletes() {
    leases.insert(new RunLease(1, OWNER, HEARTBEAT));

    leases.delete(1);

    assertThat(leases.find(1)).isEmpty();
    assertThat(leases.renew(1, OWNER, HEARTBEAT)).isFalse();
  }
}
