package dev.tugboat.restore.capacity.plan;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command or a webhook the plan runs at a {@link HookPoint}, e.g. to update a CMDB, switch a load
 * balancer's upstream or page someone. A failing hook fails its application (or the cutover).
 *
 * @param name how logs and messages call the hook; by default its place in the plan, e.g. {@code
 *     hooks.beforeApplication[0]}
 * @param action the command to run or the URL to POST to
 * @param timeout how long the hook may take before it is stopped and counted as failed
 */
public record Hook(String name, Action action, Duration timeout) {

  public Hook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** What a hook does: exactly one of a command and a webhook. */
  public sealed interface Action permits Command, Webhook {

    /** The action as logs may show it, without arguments or secrets. */
    String describe();
  }

  /**
   * A program run directly, without a shell (write {@code [sh, -c, "..."]} for one).
   *
   * @param argv the program and its arguments; not empty
   */
  public record Command(List<String> argv) implements Action {

    public Command {
      argv = List.copyOf(argv);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("A hook's command needs at least the program");
      }
    }

    /** The program only: its arguments may carry tokens. */
    @Override
    public String describe() {
      return "command " + argv.get(0);
    }
  }

  /**
   * An HTTP POST of the hook's context as JSON; userinfo in the URL is sent as basic
   * authentication.
   *
   * @param url an absolute http or https URL
   */
  public record Webhook(URI url) implements Action {

    public Webhook {
      Objects.requireNonNull(url, "url");
    }

    /**
     * The URL as {@code scheme://host[:port]/path}: its userinfo and query string may carry tokens,
     * so they are never logged.
     */
    public String redactedUrl() {
      String port = url.getPort() == -1 ? "" : ":" + url.getPort();
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      return url.getScheme() + "://" + url.getHost() + port + path;
    }

    @Override
    public String describe() {
      return "POST " + redactedUrl();
    }
  }
}
