package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the API requests served: in total, by verb, by resource, by HTTP status code, the
 * faults injected and the latency added. Served as JSON at {@code /sandbox/stats}.
 */
final class RequestStats {

  /**
   * How long a read of the counters waits for requests still being counted. A request is counted
   * once its answer is sent, so a client that got its answer and at once asks for the stats could
   * otherwise miss it.
   */
  private static final long SETTLE_MILLIS = 2_000;

  private int uncounted; // guarded by this

  private final LongAdder requests = new LongAdder();
  private final Map<String, LongAdder> byVerb = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byResource = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
  private final LongAdder delayedRequests = new LongAdder();
  private final LongAdder addedLatencyMillis = new LongAdder();

  /**
   * A short request has started; {@link #record} counts it once answered. Not for watches, which
   * last.
   */
  synchronized void started() {
    uncounted++;
  }

  /**
   * @param code the HTTP status answered; 0 when the connection was closed without an answer
   * @param started whether {@link #started} was called for this request
   */
  void record(String verb, String resource, int code, boolean started) {
    requests.increment();
    count(byVerb, verb);
    count(byResource, resource);
    count(byCode, String.valueOf(code));
    if (started) {
      synchronized (this) {
        uncounted--;
        notifyAll();
      }
    }
  }

  void fault(FaultInjector.Fault fault) {
    count(faults, fault.label());
  }

  void delayed(long millis) {
    delayedRequests.increment();
    addedLatencyMillis.add(millis);
  }

  synchronized void reset() {
    requests.reset();
    byVerb.clear();
    byResource.clear();
    byCode.clear();
    faults.clear();
    delayedRequests.reset();
    addedLatencyMillis.reset();
  }

  /**
   * {@code {"requests":12,"byVerb":{"get":3,...},"byResource":{"pods":5,...},"byCode":{"200":
   * 11,...},"faults":{"429":1},"delayedRequests":12,"addedLatencyMillis":60}}
   */
  synchronized JsonObject toJson() {
    awaitCounted();
    JsonObject json = new JsonObject();
    json.addProperty("requests", requests.sum());
    json.add("byVerb", counters(byVerb));
    json.add("byResource", counters(byResource));
    json.add("byCode", counters(byCode));
    json.add("faults", counters(faults));
    json.addProperty("delayedRequests", delayedRequests.sum());
    json.addProperty("addedLatencyMillis", addedLatencyMillis.sum());
    return json;
  }

  private void awaitCounted() {
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    try {
      for (long left = SETTLE_MILLIS;
          uncounted > 0 && left > 0;
          left = deadline - System.currentTimeMillis()) {
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void count(Map<String, LongAdder> counters, String key) {
    counters.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static JsonObject counters(Map<String, LongAdder> counters) {
    JsonObject json = new JsonObject();
    new TreeMap<>(counters).forEach((key, value) -> json.addProperty(key, value.sum()));
    return json;
  }
}
