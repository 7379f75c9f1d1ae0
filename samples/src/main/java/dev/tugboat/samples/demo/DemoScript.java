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

  /**
   * One step of the story: a title, the cluster it works on, the {@code tugboat} command and the
   * exit code it should end with (3 where the story sheds replicas on purpose).
   */
  record Scene(String title, Cluster cluster, int exitCode, List<String> command) {
    Scene(String title, Cluster cluster, String... command) {
      this(title, cluster, 0, List.of(command));
    }

    Scene(String title, Cluster cluster, int exitCode, String... command) {
      this(title, cluster, exitCode, List.of(command));
    }
  }

  /** The scenes, with the failover plan at {@code plan}. */
  private static List<Scene> scenes(Path plan) {
    return List.of(
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
        new Scene(
            "3. What restoring the shop into the standby as shop-dr would do (nothing is written)",
            Cluster.STANDBY,
            "restore",
            "create",
            "shop-dr",
            "--from-backup",
            "nightly",
            "--include-namespaces",
            "shop",
            "--namespace-mappings",
            "shop:shop-dr",
            "--dry-run"),
        new Scene(
            "4. The primary is failing. Will its six applications fit in the smaller standby?",
            Cluster.STANDBY,
            3,
            "capacity",
            "--plan",
            plan.toString()),
        new Scene(
            "5. Fail over from last night's backup: core first, four applications at a time; another"
                + " team takes room in payments just before it lands, and the migration steps it down",
            Cluster.STANDBY,
            3,
            "migrate",
            "--plan",
            plan.toString()),
        new Scene(
            "6. The primary is back: roll the failover back, leaving the standby as it was",
            Cluster.STANDBY,
            "rollback",
            "failover"),
        new Scene(
            "7. Every job of the story, in the job repository", Cluster.STANDBY, "jobs", "list"));
  }

  private final PrintWriter out;
  private final TugboatCli cli;
  private final Map<Cluster, Path> kubeconfigs;
  private final String store;
  private final Path plan;

  /**
   * @param kubeconfigs where each cluster's kubeconfig is
   * @param store the store's URI
   * @param plan the failover's migration plan
   */
  DemoScript(
      PrintWriter out, TugboatCli cli, Map<Cluster, Path> kubeconfigs, String store, Path plan) {
    this.out = out;
    this.cli = cli;
    this.kubeconfigs = Map.copyOf(kubeconfigs);
    this.store = store;
    this.plan = plan;
  }

  /**
   * Plays every scene; returns 0, or the exit code of the first command that did not end as the
   * story expects.
   */
  int run() {
    out.println("Tugboat demo: a sandbox cluster 'primary' running six applications, a smaller,");
    out.println(
        "empty 'standby', an H2 job repository and a local store, all in a temporary folder.");
    for (Scene scene : scenes(plan)) {
      int exitCode = play(scene);
      if (exitCode != scene.exitCode()) {
        out.println("The demo stops here: the command exited with " + exitCode + ".");
        return exitCode == 0 ? 1 : exitCode;
      }
    }
    return 0;
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
