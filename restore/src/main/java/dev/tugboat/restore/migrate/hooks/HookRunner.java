package dev.tugboat.restore.migrate.hooks;

import dev.tugboat.restore.capacity.plan.Hook;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plan's hooks: a command as a process, a webhook as an HTTP POST, each within its
 * timeout, their output logged. Never throws for a hook that fails: the result says why. Safe to
 * share between the threads migrating applications in parallel.
 */
public final class HookRunner {

  /** Named for the hooks rather than this class: an operator routes hook output by that name. */
  static final Logger LOG = LoggerFactory.getLogger(HookRunner.class.getPackageName());

  private final CommandHook commands = new CommandHook();
  private final WebhookHook webhooks;

  /** A runner whose webhooks go through a default {@link HttpClient}, verifying TLS. */
  public HookRunner() {
    this.webhooks = new WebhookHook(HttpClient.newHttpClient());
  }

  /** Runs one hook and logs how it ended. */
  public HookResult run(Hook hook, HookContext context) {
    LOG.info(
        "Running hook '{}' ({}) at {}", hook.name(), hook.action().describe(), context.describe());
    HookResult result =
        hook.action() instanceof Hook.Command command
            ? commands.run(hook, command, context)
            : webhooks.run(hook, (Hook.Webhook) hook.action(), context);
    if (result.succeeded()) {
      LOG.info("{}", result.summary());
    } else {
      LOG.warn("{}", result.summary());
    }
    return result;
  }

  /**
   * Runs hooks in order until one fails.
   *
   * @return the failed hook's result, or a success naming the hooks run, with their output's last
   *     lines
   */
  public HookResult runAll(List<Hook> hooks, HookContext context) {
    List<String> output = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Hook hook : hooks) {
      HookResult result = run(hook, context);
      if (!result.succeeded()) {
        return result;
      }
      output.addAll(result.output());
      names.add(hook.name());
    }
    List<String> tail =
        output.subList(Math.max(0, output.size() - OutputTail.MAX_LINES), output.size());
    return new HookResult(
        true,
        hooks.size()
            + " hook(s) at "
            + context.describe()
            + " succeeded"
            + (names.isEmpty() ? "" : ": " + String.join(", ", names)),
        tail);
  }

  static HookResult success(Hook hook, String outcome, List<String> output) {
    return new HookResult(true, describe(hook) + " succeeded: " + outcome, output);
  }

  static HookResult failure(Hook hook, String problem, List<String> output) {
    return new HookResult(false, describe(hook) + " failed: " + problem, output);
  }

  private static String describe(Hook hook) {
    return "Hook '" + hook.name() + "' (" + hook.action().describe() + ")";
  }
}
