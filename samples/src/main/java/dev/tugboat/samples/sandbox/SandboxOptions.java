package dev.tugboat.samples.sandbox;

import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.samples.sandbox.seed.EmptySeed;
import dev.tugboat.samples.sandbox.seed.Seed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a {@link Sandbox}. Immutable; start from {@link #builder()}. Every option has a
 * default that gives a fast, fault-free sandbox on a free port of 127.0.0.1 whose simulated cluster
 * (controllers, scheduler, kubelet, LimitRange and quota admission) is on, without nodes or seed
 * data.
 */
public final class SandboxOptions {

  private final String name;
  private final int port;
  private final boolean tls;
  private final Duration latency;
  private final FaultPlan faults;
  private final long faultSeed;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration continueTokenTtl;
  private final int watchHistorySize;
  private final NodePool nodes;
  private final boolean simulation;
  private final Duration kubeletStartDelay;
  private final Seed seed;
  private final List<Controller> controllers;
  private final List<Admission> admissions;

  /**
   * Nodes the sandbox creates at start, {@code node-1} to {@code node-<count>}, Ready and
   * schedulable (made by {@link dev.tugboat.samples.sandbox.cluster.NodeFactory}).
   *
   * @param count how many; 0 for none
   * @param cpu allocatable CPU of each, a quantity such as {@code 4} or {@code 3500m}
   * @param memory allocatable memory of each, such as {@code 16Gi}
   */
  public record NodePool(int count, String cpu, String memory) {

    public static final NodePool NONE = new NodePool(0, "8", "32Gi");

    public NodePool {
      if (count < 0) {
        throw new IllegalArgumentException("node count must not be negative: " + count);
      }
      Objects.requireNonNull(cpu, "cpu");
      Objects.requireNonNull(memory, "memory");
    }
  }

  private SandboxOptions(Builder builder) {
    this.name = builder.name;
    this.port = builder.port;
    this.tls = builder.tls;
    this.latency = builder.latency;
    this.faults = builder.faults;
    this.faultSeed = builder.faultSeed;
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
    this.continueTokenTtl = builder.continueTokenTtl;
    this.watchHistorySize = builder.watchHistorySize;
    this.nodes = builder.nodes;
    this.simulation = builder.simulation;
    this.kubeletStartDelay = builder.kubeletStartDelay;
    this.seed = builder.seed;
    this.controllers = List.copyOf(builder.controllers);
    this.admissions = List.copyOf(builder.admissions);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: the simulated cluster on, no nodes, no seed data, no extra plug-ins. */
  public static SandboxOptions defaults() {
    return builder().build();
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public boolean tls() {
    return tls;
  }

  public Duration latency() {
    return latency;
  }

  public FaultPlan faults() {
    return faults;
  }

  public long faultSeed() {
    return faultSeed;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public Clock clock() {
    return clock;
  }

  public Duration continueTokenTtl() {
    return continueTokenTtl;
  }

  public int watchHistorySize() {
    return watchHistorySize;
  }

  public NodePool nodes() {
    return nodes;
  }

  public boolean simulation() {
    return simulation;
  }

  public Duration kubeletStartDelay() {
    return kubeletStartDelay;
  }

  public Seed seed() {
    return seed;
  }

  /** Controllers run besides the simulated cluster's (alone when simulation is off). */
  public List<Controller> controllers() {
    return controllers;
  }

  /** Admission plug-ins called after the simulated cluster's (alone when simulation is off). */
  public List<Admission> admissions() {
    return admissions;
  }

  /** A builder for {@link SandboxOptions}. */
  public static final class Builder {

    private String name = "sandbox";
    private int port;
    private boolean tls;
    private Duration latency = Duration.ZERO;
    private FaultPlan faults = FaultPlan.NONE;
    private long faultSeed = 1;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private Duration continueTokenTtl = Duration.ofMinutes(5);
    private int watchHistorySize = 10_000;
    private NodePool nodes = NodePool.NONE;
    private boolean simulation = true;
    private Duration kubeletStartDelay = Duration.ZERO;
    private Seed seed = new EmptySeed();
    private final List<Controller> controllers = new ArrayList<>();
    private final List<Admission> admissions = new ArrayList<>();

    private Builder() {}

    /** Names the sandbox in thread names, kubeconfig defaults and pid files. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves HTTPS with a certificate from a CA made at start (in the kubeconfig). */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** Latency added to every API request (through {@link #sleeper}). */
    public Builder latency(Duration latency) {
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** Faults injected into object requests (not discovery). */
    public Builder faults(FaultPlan faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Seeds fault injection and generated names, so runs repeat. */
    public Builder faultSeed(long faultSeed) {
      this.faultSeed = faultSeed;
      return this;
    }

    /** How latency is waited; tests pass one that records instead of sleeping. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock of timestamps and continue-token expiry. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long LIST continue tokens stay valid; 5 minutes by default, like etcd compaction. */
    public Builder continueTokenTtl(Duration ttl) {
      this.continueTokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** How many changes watches can resume from; older resource versions get 410 Expired. */
    public Builder watchHistorySize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("watch history size must be positive: " + size);
      }
      this.watchHistorySize = size;
      return this;
    }

    public Builder nodes(NodePool nodes) {
      this.nodes = Objects.requireNonNull(nodes, "nodes");
      return this;
    }

    /**
     * Whether the simulated cluster runs (the default): the controllers of Deployments,
     * ReplicaSets, StatefulSets, DaemonSets and Jobs, the scheduler and the kubelet, and the
     * LimitRange and ResourceQuota admission of {@link dev.tugboat.samples.sandbox.cluster}. Off,
     * the sandbox is a plain API server: a Deployment creates no pods.
     */
    public Builder simulation(boolean simulation) {
      this.simulation = simulation;
      return this;
    }

    /**
     * How long the simulated kubelet waits before a pod bound to a node runs; none by default, so
     * tests need not wait.
     */
    public Builder kubeletStartDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("kubelet start delay must not be negative: " + delay);
      }
      this.kubeletStartDelay = delay;
      return this;
    }

    /**
     * Objects to create at start, after the system namespaces and nodes and before the sandbox
     * listens, through the API's create path (admission included); none by default.
     */
    public Builder seed(Seed seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /** Adds a controller, run after changes to the kinds it watches. */
    public Builder controller(Controller controller) {
      controllers.add(Objects.requireNonNull(controller, "controller"));
      return this;
    }

    public Builder controllers(List<? extends Controller> controllers) {
      controllers.forEach(this::controller);
      return this;
    }

    /** Adds an admission plug-in, called in order on every create and update. */
    public Builder admission(Admission admission) {
      admissions.add(Objects.requireNonNull(admission, "admission"));
      return this;
    }

    public Builder admissions(List<? extends Admission> admissions) {
      admissions.forEach(this::admission);
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(this);
    }
  }
}
