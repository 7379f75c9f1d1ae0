package dev.tugboat.core.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs prove they are alive ({@code tugboat.jobs.*}).
 *
 * @param heartbeatInterval how often a running execution renews its lease
 * @param staleAfter how old a heartbeat (or, without a lease, Spring Batch's last update) must be
 *     before its owner counts as gone; three heartbeat intervals by default, so that a slow
 *     database or a garbage-collection pause does not make a live run look dead
 */
@ConfigurationProperties("tugboat.jobs")
public record JobRunProperties(
    @DefaultValue("10s") Duration heartbeatInterval, Duration staleAfter) {

  public JobRunProperties {
    if (staleAfter == null) {
      staleAfter = heartbeatInterval.multipliedBy(3);
    }
    if (staleAfter.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(
          "tugboat.jobs.stale-after ("
              + staleAfter
              + ") must be longer than tugboat.jobs.heartbeat-interval ("
              + heartbeatInterval
              + "), or live runs would look abandoned");
    }
  }
}
