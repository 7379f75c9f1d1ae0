package dev.tugboat.samples.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code tugboat restore create}, run through a {@link RunnerFixture} into its local store. */
final class TugboatRestore {

  private TugboatRestore() {}

  /**
   * Runs {@code tugboat restore create NAME --from-backup BACKUP options... --output json} against
   * the cluster of {@code kubeconfig}.
   */
  static RunnerFixture.Result create(
      RunnerFixture tugboat, Path kubeconfig, String name, String backup, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "restore",
                "create",
                name,
                "--from-backup",
                backup,
                "--kubeconfig",
                kubeconfig.toString(),
                "--store",
                tugboat.storeUri(),
                "--output",
                "json"));
    args.addAll(List.of(options));
    return tugboat.run(args.toArray(String[]::new));
  }

  /** The JSON a command printed with {@code --output json}. */
  static JsonObject json(RunnerFixture.Result result) {
    try {
      return JsonParser.parseString(result.out()).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new AssertionError(
          "not a JSON object: " + result.out() + "\nstderr: " + result.err(), e);
    }
  }
}
