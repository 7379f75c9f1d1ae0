package dev.tugboat.samples.sandbox.bench;

import com.google.gson.JsonParser;
import dev.tugboat.samples.sandbox.SandboxCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox run as {@code sandbox start} does it, in a JVM of its own (so that neither its heap nor
 * its threads count for the backups measured against it), with the simulation off so that its
 * objects stay as seeded, and its request counter ({@code /sandbox/stats}) read over HTTP.
 */
final class SandboxProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("serving at (http://\\S+)");
  private static final long START_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

  private final Process process;
  private final String url;
  private final Path kubeconfig;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SandboxProcess(Process process, String url, Path kubeconfig) {
    this.process = process;
    this.url = url;
    this.kubeconfig = kubeconfig;
  }

  /**
   * Starts a sandbox seeded with {@code seed} (e.g. {@code generated:200x50}) and waits until it
   * serves.
   *
   * @param directory where its kubeconfig, pid file and output go
   */
  static SandboxProcess start(String seed, Path directory)
      throws IOException, InterruptedException {
    Path kubeconfig = directory.resolve("sandbox-kubeconfig");
    Path output = directory.resolve("sandbox.log");
    Process process =
        ChildProcess.start(
            SandboxCommand.class,
            // 100k seeded objects need about half a GiB; the sandbox's heap is not measured
            List.of("-Xmx2g"),
            // the pid file goes to $TUGBOAT_HOME/sandboxes
            Map.of("TUGBOAT_HOME", directory.toString()),
            List.of(
                "start",
                "--name",
                "backup-benchmark",
                "--seed",
                seed,
                "--no-simulation",
                "--kubeconfig",
                kubeconfig.toString()),
            output);
    try {
      return new SandboxProcess(process, awaitUrl(process, output), kubeconfig);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  String url() {
    return url;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** Sets the request counter to zero. */
  void resetRequestCount() throws IOException, InterruptedException {
    stats("DELETE");
  }

  /** The API requests served since the last {@link #resetRequestCount()}. */
  long requestCount() throws IOException, InterruptedException {
    return JsonParser.parseString(stats("GET")).getAsJsonObject().get("requests").getAsLong();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String stats(String method) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/sandbox/stats"))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          method + " " + url + "/sandbox/stats answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** Waits for the line that gives the URL; seeding comes first and takes a while at 100k. */
  private static String awaitUrl(Process process, Path output)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Optional<String> url = servingUrl(output);
      if (url.isPresent()) {
        return url.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the sandbox exited with code " + process.exitValue() + ": " + read(output));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "the sandbox did not serve within 5 minutes; its output: " + read(output));
  }

  private static Optional<String> servingUrl(Path output) throws IOException {
    Matcher serving = SERVING.matcher(read(output));
    return serving.find() ? Optional.of(serving.group(1)) : Optional.empty();
  }

  private static String read(Path output) throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }
}
