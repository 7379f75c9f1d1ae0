package dev.tugboat.samples.demo;

import dev.tugboat.runner.TugboatCli;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's story: each scene says what it shows, runs the real {@code tugboat} command line and
 * prints its output. The story stops at the first command that fails, with its exit code.
 */
final class DemoScript {

  /** One step of the story: a title and the {@code tugboat} command it runs. */
  record Scene(String title, List<String> command) {
    Scene(String title, String... command) {
      this(title, List.of(command));
    }
  }

  private static final List<Scene> SCENES =
      List.of(
          new Scene(
              "1. Back up the primary cluster to the store, in Velero's format",
              "backup",
              "create",
              "nightly"),
          new Scene("2. The backup, as the store holds it", "backup", "describe", "nightly"),
          new Scene("3. Every backup in the store", "backup", "list"));

  private final PrintWriter out;
  private final TugboatCli cli;
  private final List<String> clusterOptions;

  /**
   * @param clusterOptions the global options that point the commands at the demo's cluster and
   *     store
   */
  DemoScript(PrintWriter out, TugboatCli cli, List<String> clusterOptions) {
    this.out = out;
    this.cli = cli;
    this.clusterOptions = List.copyOf(clusterOptions);
  }

  /** Plays every scene; returns 0, or the exit code of the command that failed. */
  int run() {
    out.println("Tugboat demo: a sandbox cluster 'primary' running six applications, an H2 job");
    out.println("repository and a local store, all in a temporary folder.");
    for (Scene scene : SCENES) {
      int exitCode = play(scene);
      if (exitCode != 0) {
        out.println("The demo stops here: the command exited with " + exitCode + ".");
        return exitCode;
      }
    }
    return 0;
  }

  private int play(Scene scene) {
    out.println();
    out.println("== " + scene.title());
    out.println("$ tugboat " + String.join(" ", scene.command()));
    out.flush();
    List<String> arguments = new ArrayList<>(clusterOptions);
    arguments.addAll(scene.command());
    return cli.execute(out, out, arguments.toArray(String[]::new));
  }
}
