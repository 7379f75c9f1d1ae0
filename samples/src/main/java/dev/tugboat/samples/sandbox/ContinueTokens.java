package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues and reads LIST continue tokens. A token names the key the next page starts after and the
 * resource version of the first page. Tokens expire after a time to live, or all at once on demand
 * ({@link #expireAll()}), and are then refused with 410 Expired, as when etcd has compacted the
 * list's revision.
 */
final class ContinueTokens {

  static final String EXPIRED_MESSAGE =
      "The provided continue parameter is too old to display a consistent list result. You can"
          + " start a new list without the continue parameter.";

  private final Clock clock;
  private final Duration timeToLive;
  private final AtomicLong epoch = new AtomicLong();

  /**
   * Where a continued list starts: after {@code lastKey}, at {@code resourceVersion}, with {@code
   * listed} objects handed out by the earlier pages.
   */
  record Position(String lastKey, long resourceVersion, long listed) {}

  ContinueTokens(Clock clock, Duration timeToLive) {
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  String issue(String lastKey, long resourceVersion, long listed) {
    JsonObject token = new JsonObject();
    token.addProperty("v", "meta.k8s.io/v1");
    token.addProperty("rv", resourceVersion);
    token.addProperty("start", lastKey);
    token.addProperty("listed", listed);
    token.addProperty("issued", clock.millis());
    token.addProperty("epoch", epoch.get());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(token));
  }

  /**
   * @throws ApiError 410 Expired when the token is too old, 400 BadRequest when it is not one
   */
  Position read(String token) {
    JsonObject decoded;
    try {
      decoded =
          Json.parseObject(
              new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | ApiError e) {
      throw new ApiError(400, "BadRequest", "continue key is not valid: " + token);
    }
    String start = JsonFields.string(decoded, "start");
    String rv = JsonFields.string(decoded, "rv");
    String issued = JsonFields.string(decoded, "issued");
    String tokenEpoch = JsonFields.string(decoded, "epoch");
    String listed = JsonFields.string(decoded, "listed");
    if (start == null || rv == null || issued == null || tokenEpoch == null || listed == null) {
      throw new ApiError(400, "BadRequest", "continue key is not valid: " + token);
    }
    boolean tooOld = clock.millis() - Long.parseLong(issued) > timeToLive.toMillis();
    if (tooOld || Long.parseLong(tokenEpoch) != epoch.get()) {
      throw new ApiError(410, "Expired", EXPIRED_MESSAGE);
    }
    return new Position(start, Long.parseLong(rv), Long.parseLong(listed));
  }

  /** Makes every token issued so far expire. */
  void expireAll() {
    epoch.incrementAndGet();
  }
}
