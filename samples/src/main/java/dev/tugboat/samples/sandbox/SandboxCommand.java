package dev.tugboat.samples.sandbox;

import dev.tugboat.core.store.TugboatHome;
import dev.tugboat.samples.sandbox.karmada.KarmadaControlPlane;
import dev.tugboat.samples.sandbox.seed.Seed;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox start} and {@code sandbox stop}: runs a sandbox API server as its own process, for
 * demos and manual tests with kubectl and tugboat.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local Kubernetes API server that is a TEST AND DEMO DOUBLE, not a cluster:",
      "objects live in memory, containers never run, only simulated controllers act.",
      "Use it to try tugboat and kubectl without a real cluster; never for real workloads."
    },
    subcommands = {SandboxCommand.Start.class, SandboxCommand.Stop.class})
public final class SandboxCommand implements Runnable {

  @Spec private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SandboxCommand()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Where the process id of a running sandbox is kept: {@code $TUGBOAT_HOME/sandboxes/<name>.pid}.
   */
  static Path pidFile(String name) {
    return TugboatHome.resolve().resolve("sandboxes").resolve(name + ".pid");
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Starts a sandbox (a test/demo double of a Kubernetes API server) and runs until killed",
        "or stopped with 'sandbox stop'. Prints its URL and kubeconfig path."
      })
  static final class Start implements Callable<Integer> {

    @Spec private CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--name",
        defaultValue = "sandbox",
        description = "Name, also of the kubeconfig context (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(
        names = "--port",
        defaultValue = "0",
        description = "Port on 127.0.0.1; 0 picks a free one.")
    private int port;

    @Option(names = "--kubeconfig", required = true, description = "Kubeconfig file to write.")
    private Path kubeconfig;

    @Option(
        names = "--latency",
        defaultValue = "0ms",
        description = "Latency added to each request, e.g. 5ms or 1s.")
    private String latency;

    @Option(
        names = "--faults",
        description =
            "Fault probabilities, e.g. 429=0.05,500=0.02,reset=0.01, and resources every"
                + " request of which gets 403 Forbidden, e.g. forbid=secrets.")
    private String faults;

    @Option(
        names = "--fault-seed",
        defaultValue = "1",
        description = "Seed of fault injection, so runs repeat.")
    private long faultSeed;

    @Option(
        names = "--tls",
        description = "Serve HTTPS with a CA made at start (written to the kubeconfig).")
    private boolean tls;

    @Option(
        names = "--nodes",
        defaultValue = "0",
        description = "Ready nodes to create, node-1 to node-N (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(
        names = "--node-cpu",
        defaultValue = "8",
        description = "Allocatable CPU per node (default: ${DEFAULT-VALUE}).")
    private String nodeCpu;

    @Option(
        names = "--node-memory",
        defaultValue = "32Gi",
        description = "Allocatable memory per node (default: ${DEFAULT-VALUE}).")
    private String nodeMemory;

    @Option(
        names = "--seed",
        defaultValue = "empty",
        description = {
          "Objects to create at start: empty, demo (a small company's apps in six namespaces)",
          "or generated:<namespaces>x<objectsPerNamespace> (default: ${DEFAULT-VALUE})."
        })
    private String seedName;

    @Option(
        names = "--simulation",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = {
          "Run the simulated cluster: workload controllers, scheduler, kubelet, LimitRange and",
          "quota admission (default: on). --no-simulation leaves a plain API server."
        })
    private boolean simulation;

    @Option(
        names = "--kubelet-delay",
        defaultValue = "200ms",
        description = "How long a scheduled pod waits before it runs (default: ${DEFAULT-VALUE}).")
    private String kubeletDelay;

    @Option(
        names = "--karmada",
        split = ",",
        paramLabel = "MEMBER",
        description = {
          "Stand in for a Karmada control plane with these member clusters, e.g.",
          "member1,member2: Karmada's policy, binding and cluster APIs, policies turned into",
          "bindings, and no simulated cluster (implies --no-simulation)."
        })
    private List<String> karmadaMembers;

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      SandboxOptions options = options();
      Seed seed = options.seed();
      boolean simulation = options.simulation();
      Sandbox sandbox = Sandbox.start(options);
      sandbox.writeKubeconfig(kubeconfig, name);
      Path pidFile = pidFile(name);
      Files.createDirectories(pidFile.getParent());
      Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    sandbox.close();
                    try {
                      Files.deleteIfExists(pidFile);
                    } catch (IOException e) {
                      // the next start overwrites it
                    }
                    stopped.countDown();
                  }));
      out.println(
          "sandbox " + name + " (a test/demo double, not a cluster) serving at " + sandbox.url());
      out.println("kubeconfig: " + kubeconfig.toAbsolutePath());
      out.println("seed: " + seed.name() + (simulation ? "" : " (simulation off)"));
      out.flush();
      stopped.await();
      return 0;
    }

    /** The options the command line asks for. */
    SandboxOptions options() {
      SandboxOptions.Builder builder;
      try {
        Seed seed = Seeds.named(seedName);
        builder =
            karmadaMembers == null
                ? SandboxOptions.builder().simulation(simulation).seed(seed)
                : KarmadaControlPlane.options(Clock.systemUTC(), seed, karmadaMembers);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      return builder
          .name(name)
          .port(port)
          .tls(tls)
          .latency(parseDuration(latency))
          .faults(faults == null ? FaultPlan.NONE : FaultPlan.parse(faults))
          .faultSeed(faultSeed)
          .nodes(new SandboxOptions.NodePool(nodes, nodeCpu, nodeMemory))
          .kubeletStartDelay(parseDuration(kubeletDelay))
          .build();
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stops a sandbox started with 'sandbox start'.")
  static final class Stop implements Callable<Integer> {

    @Spec private CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--name",
        defaultValue = "sandbox",
        description = "Name of the sandbox to stop.")
    private String name;

    @Override
    public Integer call() throws IOException, InterruptedException, TimeoutException {
      Path pidFile = pidFile(name);
      if (!Files.exists(pidFile)) {
        spec.commandLine()
            .getErr()
            .println("no sandbox named " + name + " is running (no " + pidFile + ")");
        return 1;
      }
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isPresent()) {
        process.get().destroy();
        try {
          process.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(
              "waiting for sandbox " + name + " (pid " + pid + ") failed", e);
        }
      }
      Files.deleteIfExists(pidFile);
      spec.commandLine().getOut().println("sandbox " + name + " stopped");
      return 0;
    }
  }

  /** Parses {@code 250ms}, {@code 2s} or {@code 1m}. */
  static Duration parseDuration(String text) {
    String trimmed = text.strip();
    try {
      if (trimmed.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
      }
      if (trimmed.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
      }
      if (trimmed.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.TypeConversionException(
        "\"" + text + "\" is not a duration such as 5ms, 2s or 1m");
  }
}
