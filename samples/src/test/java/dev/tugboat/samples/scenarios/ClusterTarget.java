package dev.tugboat.samples.scenarios;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.samples.sandbox.SandboxExtension;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The cluster a scenario runs against, and a scratch namespace of its own for each test.
 *
 * <p>By default the target is a fresh in-process sandbox per test class. When the system property
 * {@value #KUBECONFIG_PROPERTY} names a kubeconfig file (and optionally {@value #CONTEXT_PROPERTY}
 * a context in it), the target is that real cluster, reached through Tugboat's own {@link
 * ClusterConnector}. Either way each test gets a namespace named {@code tugboat-scenario-<random>},
 * created before it and deleted after it; scenarios write nothing outside it, so a real cluster is
 * left as it was found.
 *
 * <pre>{@code
 * @RegisterExtension static ClusterTarget target = ClusterTarget.fromSystemProperties();
 * }</pre>
 *
 * Register it on a static field: the connection (or sandbox) lives for the test class.
 */
public final class ClusterTarget
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  /** The kubeconfig of a real cluster; unset or blank means the in-process sandbox. */
  public static final String KUBECONFIG_PROPERTY = "tugboat.kubeconfig";

  /** The context to use in that kubeconfig; unset or blank means its current context. */
  public static final String CONTEXT_PROPERTY = "tugboat.context";

  private static final String NAMESPACE_PREFIX = "tugboat-scenario-";

  private static final ApiResource NAMESPACES =
      new ApiResource(
          "", "v1", "namespaces", "Namespace", false, Set.of("create", "delete"), List.of(), "v1");

  /** The kubeconfig of the real cluster; {@code null} for the sandbox. */
  private final Path kubeconfig;

  private final String context;

  /** Runs the sandbox when there is no kubeconfig; {@code null} otherwise. */
  private final SandboxExtension sandbox;

  private ApiClient apiClient;
  private String namespace;

  private ClusterTarget(Path kubeconfig, String context) {
    this.kubeconfig = kubeconfig;
    this.context = context;
    this.sandbox = kubeconfig == null ? SandboxExtension.builder().build() : null;
  }

  /** The real cluster of {@value #KUBECONFIG_PROPERTY} if set, else an in-process sandbox. */
  public static ClusterTarget fromSystemProperties() {
    String kubeconfig = blankToNull(System.getProperty(KUBECONFIG_PROPERTY));
    String context = blankToNull(System.getProperty(CONTEXT_PROPERTY));
    return new ClusterTarget(kubeconfig == null ? null : Path.of(kubeconfig), context);
  }

  @Override
  public void beforeAll(ExtensionContext extensionContext) throws IOException {
    if (sandbox != null) {
      sandbox.beforeAll(extensionContext);
      apiClient = sandbox.apiClient();
      return;
    }
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalStateException(
          "-D" + KUBECONFIG_PROPERTY + " names no readable file: " + kubeconfig.toAbsolutePath());
    }
    apiClient =
        new ClusterConnector().connect(ClusterSettings.kubeconfig(kubeconfig, context)).apiClient();
  }

  @Override
  public void afterAll(ExtensionContext extensionContext) {
    apiClient = null;
    if (sandbox != null) {
      sandbox.afterAll(extensionContext);
    }
  }

  @Override
  public void beforeEach(ExtensionContext extensionContext) {
    String name = NAMESPACE_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    ApplyResult created = ResourceApplier.live(apiClient).create(NAMESPACES, namespaceObject(name));
    // Anything but CREATED (ALREADY_EXISTS included) means the namespace is not ours to use.
    if (created.outcome() != ApplyOutcome.CREATED) {
      throw new IllegalStateException(
          "cannot create scratch namespace "
              + name
              + " on "
              + describe()
              + ": "
              + created.outcome()
              + " "
              + created.message());
    }
    namespace = name;
  }

  @Override
  public void afterEach(ExtensionContext extensionContext) {
    if (namespace == null) {
      return;
    }
    String name = namespace;
    namespace = null;
    // A real cluster empties the namespace in the background; nothing waits for that.
    ApplyResult deleted =
        ResourceApplier.live(apiClient)
            .delete(NAMESPACES, null, name, DeletePropagation.BACKGROUND);
    if (deleted.outcome() != ApplyOutcome.DELETED) {
      throw new IllegalStateException(
          "cannot delete scratch namespace "
              + name
              + " on "
              + describe()
              + ": "
              + deleted.outcome()
              + " "
              + deleted.message());
    }
  }

  /** The client for the target; valid from before the first test to after the last. */
  public ApiClient apiClient() {
    if (apiClient == null) {
      throw new IllegalStateException(
          "ClusterTarget is not started: register it on a static field");
    }
    return apiClient;
  }

  /**
   * The global options that point a {@code tugboat} command at the target: {@code --kubeconfig}
   * and, for a real cluster given one, {@code --context}.
   */
  public List<String> tugboatOptions() {
    if (sandbox != null) {
      return List.of("--kubeconfig", sandbox.kubeconfig().toString());
    }
    return context == null
        ? List.of("--kubeconfig", kubeconfig.toString())
        : List.of("--kubeconfig", kubeconfig.toString(), "--context", context);
  }

  /** This test's scratch namespace, which exists for the duration of the test only. */
  public String namespace() {
    if (namespace == null) {
      throw new IllegalStateException("no scratch namespace outside a test");
    }
    return namespace;
  }

  /** What the target is, for messages: the sandbox, or the kubeconfig and context. */
  public String describe() {
    if (kubeconfig == null) {
      return "the in-process sandbox";
    }
    return kubeconfig + (context == null ? " (current context)" : " (context " + context + ")");
  }

  private static JsonObject namespaceObject(String name) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", "v1");
    object.addProperty("kind", "Namespace");
    object.add("metadata", metadata);
    return object;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
