package dev.tugboat.samples.demo;

import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.runner.TugboatCli;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tugboat demo}: Tugboat's story on embedded defaults, with no cluster and no configuration.
 * It starts a sandbox cluster in this process (a test and demo double, see the sandbox's help),
 * keeps the job repository (H2) and the store in a temporary folder, and runs the real commands
 * against them, narrating each.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows Tugboat at work on two sandbox clusters (test and demo doubles, started in this",
      "process), with the embedded defaults: an H2 job repository and a local store in a temporary",
      "folder. The story: a backup of the primary, a restore dry run into the smaller standby, a",
      "capacity report, a failover with a failure-driven downgrade, its rollback, and the job list."
    })
public final class DemoCommand implements Callable<Integer> {

  private static final String PLAN = "failover.yaml";
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

  @Spec private CommandSpec spec;

  @Option(
      names = "--keep",
      description =
          "Keep the demo's folder (job repository, store, kubeconfig) and print where it is.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path home = Files.createTempDirectory("tugboat-demo-");
    try (Sandbox primary = startPrimary();
        Sandbox standby = startStandby();
        RoomGrab roomGrab = RoomGrab.start(standby.state());
        ConfigurableApplicationContext tugboat = startTugboat(home)) {
      // The primary's batch Job completes first, as it would have before last night's backup.
      if (!primary.awaitSettled(SETTLE_TIMEOUT)) {
        out.println("(the primary's controllers have not settled within a minute; going on)");
      }
      DemoScript script =
          new DemoScript(
              out,
              tugboat.getBean(TugboatCli.class),
              Map.of(
                  DemoScript.Cluster.PRIMARY,
                  primary.writeKubeconfig(home.resolve("primary.kubeconfig"), "primary"),
                  DemoScript.Cluster.STANDBY,
                  standby.writeKubeconfig(home.resolve("standby.kubeconfig"), "standby")),
              home.resolve("store").toUri().toString(),
              writePlan(home, roomGrab));
      return script.run();
    } finally {
      if (keep) {
        out.println("The demo's files are in " + home);
      } else {
        deleteTree(home);
      }
    }
  }

  private static Sandbox startPrimary() throws IOException {
    return Sandbox.start(
        SandboxOptions.builder()
            .name("primary")
            .nodes(new NodePool(4, "8", "32Gi"))
            .seed(Seeds.named("demo"))
            .build());
  }

  /** A smaller, empty cluster to fail over into: too small for all of analytics. */
  private static Sandbox startStandby() throws IOException {
    return Sandbox.start(
        SandboxOptions.builder().name("standby").nodes(new NodePool(2, "4", "8Gi")).build());
  }

  /** The failover plan, next to the kubeconfigs, its webhook pointing at the room grab. */
  private static Path writePlan(Path home, RoomGrab roomGrab) throws IOException {
    String plan;
    try (InputStream in = DemoCommand.class.getResourceAsStream(PLAN)) {
      if (in == null) {
        throw new IllegalStateException(
            "the demo's plan " + PLAN + " is missing from the class path");
      }
      plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.writeString(
        home.resolve("failover.yaml"), plan.replace("${ROOM_GRAB_URL}", roomGrab.url().toString()));
  }

  /** Tugboat's application on the embedded defaults, its state under {@code home}. */
  private static ConfigurableApplicationContext startTugboat(Path home) {
    // Command-line properties outrank application.yaml; the story shows results, not logs, and
    // its pods are simulated: readiness is polled often, and lack of room acted on within seconds.
    return new SpringApplicationBuilder(TugboatApplication.class)
        .run(
            "--tugboat.home=" + home,
            "--logging.level.dev.tugboat=warn",
            "--tugboat.migration.poll-interval=200ms",
            "--tugboat.migration.shortage-grace=2s");
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the demo's " + path, e);
      }
    }
  }
}
