package dev.tugboat.restore.capacity.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the plan's {@code hooks}: four optional lists of commands and webhooks. */
final class HooksParser {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private static final Set<String> POINTS =
      Arrays.stream(HookPoint.values()).map(HookPoint::yamlName).collect(Collectors.toSet());

  /**
   * Plain http would show the URL's tokens to the network, so it is for a receiver on the same
   * machine only (a local relay, a test).
   */
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private HooksParser() {}

  static PlanHooks parse(PlanField hooks) {
    hooks.object(POINTS);
    return new PlanHooks(
        list(hooks, HookPoint.BEFORE_APPLICATION),
        list(hooks, HookPoint.AFTER_APPLICATION),
        list(hooks, HookPoint.BEFORE_CUTOVER),
        list(hooks, HookPoint.AFTER_CUTOVER));
  }

  private static List<Hook> list(PlanField hooks, HookPoint point) {
    List<Hook> parsed = new ArrayList<>();
    for (PlanField hook : hooks.field(point.yamlName()).list()) {
      parsed.add(hook(hook));
    }
    return parsed;
  }

  private static Hook hook(PlanField hook) {
    if (hook.isMissing()) {
      throw hook.invalid("must be a hook, not empty");
    }
    hook.object(Set.of("name", "command", "url", "timeout"));
    PlanField command = hook.field("command");
    PlanField url = hook.field("url");
    if (command.isMissing() == url.isMissing()) {
      throw hook.invalid(
          "give exactly one of command (a program and its arguments) and url (a webhook to POST"
              + " to)");
    }
    PlanField name = hook.field("name");
    return new Hook(
        name.isMissing() ? hook.path() : PlanNames.required(name),
        command.isMissing() ? webhook(url) : command(command),
        timeout(hook.field("timeout")));
  }

  private static Hook.Command command(PlanField command) {
    if (!command.value().isJsonArray()) {
      throw command.invalid(
          "must be a list of the program and its arguments, e.g. [notify-cmdb, --app, shop]; no"
              + " shell runs it (write [sh, -c, '...'] for one)");
    }
    List<PlanField> words = command.list();
    if (words.isEmpty()) {
      throw command.invalid("must not be empty: it needs at least the program");
    }
    List<String> argv = new ArrayList<>();
    for (PlanField word : words) {
      if (!word.isText()) {
        throw word.invalid(
            "must be a text; quote numbers and booleans, e.g. '30', not " + word.shown());
      }
      argv.add(argv.isEmpty() ? PlanNames.required(word) : word.text());
    }
    return new Hook.Command(argv);
  }

  /** The URL itself is never shown in a message: its userinfo or query may carry a token. */
  private static Hook.Webhook webhook(PlanField url) {
    String text = PlanNames.required(url);
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      // Not chained: its message, and so any stack trace, would show the whole URL.
      throw url.invalid("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw url.invalid("must be an absolute https URL, e.g. https://cmdb.example.com/hooks");
    }
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(uri.getHost())) {
      throw url.invalid(
          "must use https (plain http only to localhost, 127.0.0.1 or [::1]), not http to "
              + uri.getHost());
    }
    return new Hook.Webhook(uri);
  }

  private static Duration timeout(PlanField timeout) {
    if (timeout.isMissing()) {
      return DEFAULT_TIMEOUT;
    }
    Duration duration = timeout.positiveDuration("60s");
    if (duration.compareTo(MAX_TIMEOUT) > 0) {
      throw timeout.invalid("must be at most 1h, not " + timeout.shown());
    }
    return duration;
  }
}
