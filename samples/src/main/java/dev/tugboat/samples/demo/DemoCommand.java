package dev.tugboat.samples.demo;

import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.runner.TugboatCli;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "Shows Tugboat at work on a sandbox cluster (a test and demo double, started in this process),",
      "with the embedded defaults: an H2 job repository and a local store in a temporary folder."
    })
public final class DemoCommand implements Callable<Integer> {

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
        ConfigurableApplicationContext tugboat = startTugboat(home)) {
      DemoScript script =
          new DemoScript(
              out,
              tugboat.getBean(TugboatCli.class),
              Map.of(
                  DemoScript.Cluster.PRIMARY,
                  primary.writeKubeconfig(home.resolve("primary.kubeconfig"), "primary"),
                  DemoScript.Cluster.STANDBY,
                  standby.writeKubeconfig(home.resolve("standby.kubeconfig"), "standby")),
              home.resolve("store").toUri().toString());
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

  /** A smaller, empty cluster to restore into. */
  private static Sandbox startStandby() throws IOException {
    return Sandbox.start(
        SandboxOptions.builder().name("standby").nodes(new NodePool(2, "8", "32Gi")).build());
  }

  /** Tugboat's application on the embedded defaults, its state under {@code home}. */
  private static ConfigurableApplicationContext startTugboat(Path home) {
    // Command-line properties outrank application.yaml; the story shows results, not logs.
    return new SpringApplicationBuilder(TugboatApplication.class)
        .run("--tugboat.home=" + home, "--logging.level.dev.tugboat=warn");
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
