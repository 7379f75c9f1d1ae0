package dev.tugboat.samples.sandbox;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs sandboxes for JUnit tests. Registered on a static field, the sandboxes live for the test
 * class; on an instance field, each test gets fresh ones. {@link #start} starts an extra sandbox
 * with options of the test's own, closed after that test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SandboxExtension sandbox = SandboxExtension.builder().build();
 *
 * @Test
 * void lists() {
 *   ApiClient client = sandbox.apiClient();
 *   Path kubeconfig = sandbox.kubeconfig();
 * }
 * }</pre>
 */
public final class SandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final String FIRST = "sandbox";

  private final Map<String, SandboxOptions> configured;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final List<Running> extras = new ArrayList<>();
  private boolean startedPerTest;
  private Path directory;

  /** A started sandbox, the kubeconfig pointing at it and a client configured from that file. */
  public record Running(Sandbox sandbox, Path kubeconfig, ApiClient apiClient) {}

  private SandboxExtension(Map<String, SandboxOptions> configured) {
    this.configured = configured;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    startConfigured();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (running.isEmpty()) {
      startedPerTest = true;
      startConfigured();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    extras.forEach(extra -> extra.sandbox().close());
    extras.clear();
    if (startedPerTest) {
      closeAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeAll();
  }

  /** The first (or only) sandbox. */
  public Sandbox sandbox() {
    return running(firstName()).sandbox();
  }

  /** The sandbox registered under {@code name} in the builder. */
  public Sandbox sandbox(String name) {
    return running(name).sandbox();
  }

  public String url() {
    return sandbox().url();
  }

  /** A client-java client for the first sandbox, built from its kubeconfig. */
  public ApiClient apiClient() {
    return running(firstName()).apiClient();
  }

  public ApiClient apiClient(String name) {
    return running(name).apiClient();
  }

  /** The kubeconfig file of the first sandbox (context named like the sandbox). */
  public Path kubeconfig() {
    return running(firstName()).kubeconfig();
  }

  public Path kubeconfig(String name) {
    return running(name).kubeconfig();
  }

  /** Starts a sandbox with options of the current test's own; it is closed after the test. */
  public Running start(SandboxOptions options) throws IOException {
    Running extra = launch(options);
    extras.add(extra);
    return extra;
  }

  private void startConfigured() throws IOException {
    for (Map.Entry<String, SandboxOptions> entry : configured.entrySet()) {
      running.put(entry.getKey(), launch(entry.getValue()));
    }
  }

  private Running launch(SandboxOptions options) throws IOException {
    if (directory == null) {
      directory = Files.createTempDirectory("sandbox-test");
    }
    Sandbox sandbox = Sandbox.start(options);
    Path kubeconfig =
        sandbox.writeKubeconfig(
            directory.resolve(options.name() + "-" + sandbox.port() + ".kubeconfig"),
            options.name());
    return new Running(sandbox, kubeconfig, client(kubeconfig));
  }

  private static ApiClient client(Path kubeconfig) throws IOException {
    try (Reader reader = Files.newBufferedReader(kubeconfig)) {
      return ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
    }
  }

  private Running running(String name) {
    Running sandbox = running.get(name);
    if (sandbox == null) {
      throw new IllegalStateException(
          "no sandbox \"" + name + "\" is running; configured: " + configured.keySet());
    }
    return sandbox;
  }

  private String firstName() {
    return configured.keySet().iterator().next();
  }

  private void closeAll() {
    running.values().forEach(sandbox -> sandbox.sandbox().close());
    running.clear();
    if (directory != null) {
      deleteQuietly(directory);
      directory = null;
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  /** Which sandboxes to run and with what options. */
  public static final class Builder {

    private final Map<String, SandboxOptions> sandboxes = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a sandbox named {@code name} with options adjusted from the defaults. */
    public Builder sandbox(String name, UnaryOperator<SandboxOptions.Builder> options) {
      sandboxes.put(name, options.apply(SandboxOptions.builder().name(name)).build());
      return this;
    }

    /** Options of the single sandbox (named {@value #FIRST}). */
    public Builder options(UnaryOperator<SandboxOptions.Builder> options) {
      return sandbox(FIRST, options);
    }

    public SandboxExtension build() {
      if (sandboxes.isEmpty()) {
        sandbox(FIRST, UnaryOperator.identity());
      }
      return new SandboxExtension(new LinkedHashMap<>(sandboxes));
    }
  }
}
