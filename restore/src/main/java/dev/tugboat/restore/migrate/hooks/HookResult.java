package dev.tugboat.restore.migrate.hooks;

import java.util.List;
import java.util.Objects;

/**
 * How a hook ended.
 *
 * @param succeeded whether the command exited with 0, or the webhook answered 2xx, in time
 * @param summary one line naming the hook and saying what happened, e.g. {@code Hook 'update-cmdb'
 *     (command /opt/cmdb/update) failed: exit code 3}
 * @param output the last 50 lines of the command's output (stdout and stderr merged) or of the
 *     webhook's answer
 */
public record HookResult(boolean succeeded, String summary, List<String> output) {

  public HookResult {
    Objects.requireNonNull(summary, "summary");
    output = List.copyOf(output);
  }
}
