package dev.tugboat.samples.demo;

import dev.tugboat.runner.TugboatCli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's story: each scene says what it shows, runs the real {@code tugboat} command line and
 * prints its output. The story stops at the first command that fails, with its exit code.
 */
final class DemoScript {

  /** The demo's two clusters. */
  enum Cluster {
    PRIMARY,
    STANDBY
  }

  /** One step of the story: a title, the cluster it works on and the {@code tugboat} command. */
  record Scene(String title, Cluster cluster, List<String> command) {
    Scene(String title, Cluster cluster, String... command) {
      this(title, cluster, List.of(command));
    }
  }

  private static final String[] RESTORE_SHOP =
      new String[] {
        "restore",
        "create",
        "shop-dr",
        "--from-backup",
        "nightly",
        "--include-namespaces",
        "shop",
        "--namespace-mappings",
        "shop:shop-dr"
      };

  private static final List<Scene> SCENES =
      List.of(
          new Scene(
              "1. Back up the primary cluster to the store, in Velero's format",
              Cluster.PRIMARY,
              "backup",
              "create",
              "nightly"),
          new Scene(
              "2. The backup, as the store holds it",
              Cluster.PRIMARY,
              "backup",
              "describe",
              "nightly"),
          new Scene("3. Every backup in the store", Cluster.PRIMARY, "backup", "list"),
          new Scene(
              "4. What restoring the shop into the standby as shop-dr would do (nothing is written)",
              Cluster.STANDBY,
              concat(RESTORE_SHOP, "--dry-run")),
          new Scene(
              "5. Restore it: CRDs first, then Velero's order, each tier in parallel",
              Cluster.STANDBY,
              RESTORE_SHOP),
          new Scene(
              "6. The restore, as the store records it",
              Cluster.STANDBY,
              "restore",
              "describe",
              "shop-dr"));

  private final PrintWriter out;
  private final TugboatCli cli;
  private final Map<Cluster, Path> kubeconfigs;
  private final String store;

  /**
   * @param kubeconfigs where each cluster's kubeconfig is
   * @param store the store's URI
   */
  DemoScript(PrintWriter out, TugboatCli cli, Map<Cluster, Path> kubeconfigs, String store) {
    this.out = out;
    this.cli = cli;
    this.kubeconfigs = Map.copyOf(kubeconfigs);
    this.store = store;
  }

  /** Plays every scene; returns 0, or the exit code of the command that failed. */
  int run() {
    out.println("Tugboat demo: a sandbox cluster 'primary' running six applications, an empty");
    out.println("'standby', an H2 job repository and a local store, all in a temporary folder.");
    for (Scene scene : SCENES) {
      int exitCode = play(scene);
      if (exitCode != 0) {
        out.println("The demo stops here: the command exited with " + exitCode + ".");
        return exitCode;
      }
    }
    return 0;
  }

  private static String[] concat(String[] command, String... more) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private int play(Scene scene) {
    out.println();
    out.println("== " + scene.title());
    out.println(
        "["
            + scene.cluster().name().toLowerCase(Locale.ROOT)
            + "] $ tugboat "
            + String.join(" ", scene.command()));
    out.flush();
    List<String> arguments =
        new ArrayList<>(
            List.of("--kubeconfig", kubeconfigs.get(scene.cluster()).toString(), "--store", store));
    arguments.addAll(scene.command());
    return cli.execute(out, out, arguments.toArray(String[]::new));
  }
}
