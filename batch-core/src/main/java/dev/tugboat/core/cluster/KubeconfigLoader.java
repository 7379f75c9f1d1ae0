package dev.tugboat.core.cluster;

import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one context of a kubeconfig file into a client builder. */
final class KubeconfigLoader {

  private static final Logger log = LoggerFactory.getLogger(KubeconfigLoader.class);

  private KubeconfigLoader() {}

  /**
   * @param file the kubeconfig
   * @param requestedContext the context to use, {@code null} for the file's current context
   */
  static ConfiguredCluster load(Path file, String requestedContext) {
    KubeConfig config = parse(file);
    List<String> contexts = contextNames(config);
    String context = requestedContext != null ? requestedContext : config.getCurrentContext();
    if (context == null) {
      throw new ClusterAccessException(
          "Kubeconfig " + file + " sets no current-context; choose one of " + contexts);
    }
    if (!config.setContext(context)) {
      throw new ClusterAccessException(
          "Context '"
              + context
              + "' is not defined in kubeconfig "
              + file
              + "; available contexts: "
              + contexts);
    }
    Map<?, ?> contextEntry = namedEntry(config.getContexts(), context, "context");
    String clusterName = String.valueOf(contextEntry.get("cluster"));
    if (config.getServer() == null) {
      // Without this check client-java would go on with TLS verification switched off.
      throw new ClusterAccessException(
          "Context '"
              + context
              + "' of kubeconfig "
              + file
              + " names cluster '"
              + clusterName
              + "', which is not defined or has no server");
    }
    checkTokenFile(config, file, String.valueOf(contextEntry.get("user")));
    if (!config.verifySSL()) {
      log.warn(
          "TLS verification is OFF for cluster '{}': kubeconfig {} sets"
              + " insecure-skip-tls-verify: true",
          clusterName,
          file);
    }
    try {
      ClientBuilder builder = ClientBuilder.kubeconfig(config);
      log.info("Using context '{}' of kubeconfig {}, server {}", context, file, config.getServer());
      return new ConfiguredCluster(builder, context);
    } catch (IOException e) {
      throw new ClusterAccessException(
          "Cannot read the CA certificate of cluster '" + clusterName + "' in " + file, e);
    }
  }

  private static KubeConfig parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ClusterAccessException("Kubeconfig " + file + " does not exist");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      KubeConfig config = KubeConfig.loadKubeConfig(reader);
      // Relative certificate and token paths are relative to the kubeconfig's folder.
      config.setFile(file.toAbsolutePath().toFile());
      return config;
    } catch (IOException e) {
      throw new ClusterAccessException("Cannot read kubeconfig " + file, e);
    } catch (RuntimeException e) {
      // client-java casts the YAML tree without checks: an odd file surfaces as any runtime error
      throw new ClusterAccessException("Kubeconfig " + file + " is not a valid kubeconfig", e);
    }
  }

  private static List<String> contextNames(KubeConfig config) {
    List<String> names = new ArrayList<>();
    for (Object entry : orEmpty(config.getContexts())) {
      if (entry instanceof Map<?, ?> map && map.get("name") != null) {
        names.add(String.valueOf(map.get("name")));
      }
    }
    return names;
  }

  /** client-java only logs an unreadable token file and goes on unauthenticated. */
  private static void checkTokenFile(KubeConfig config, Path file, String userName) {
    Object tokenFile = namedEntry(config.getUsers(), userName, "user").get("tokenFile");
    if (tokenFile != null && !Files.isReadable(Path.of(tokenFile.toString()))) {
      throw new ClusterAccessException(
          "Token file "
              + tokenFile
              + " of user '"
              + userName
              + "' in kubeconfig "
              + file
              + " cannot be read");
    }
  }

  /** The {@code body} map of the entry called {@code name}, e.g. a context's "context" map. */
  private static Map<?, ?> namedEntry(List<Object> entries, String name, String body) {
    for (Object entry : orEmpty(entries)) {
      if (entry instanceof Map<?, ?> map
          && name.equals(map.get("name"))
          && map.get(body) instanceof Map<?, ?> inner) {
        return inner;
      }
    }
    return Map.of();
  }

  private static List<Object> orEmpty(List<Object> list) {
    return list == null ? List.of() : list;
  }
}
