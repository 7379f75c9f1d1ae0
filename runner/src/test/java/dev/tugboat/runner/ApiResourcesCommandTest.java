package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tugboat api-resources} against a scripted API server over HTTP, through a kubeconfig. */
class ApiResourcesCommandTest {

  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "/version",
          "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\"}",
          "/api",
          "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}",
          "/api/v1",
          """
          {"kind":"APIResourceList","groupVersion":"v1","resources":[
            {"name":"configmaps","namespaced":true,"kind":"ConfigMap","shortNames":["cm"],
             "verbs":["create","delete","get","list","patch","update","watch"]}]}
          """,
          "/apis",
          """
          {"kind":"APIGroupList","groups":[
            {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],
             "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
            {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}],
             "preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}}]}
          """,
          "/apis/apps/v1",
          """
          {"kind":"APIResourceList","groupVersion":"apps/v1","resources":[
            {"name":"deployments","namespaced":true,"kind":"Deployment","shortNames":["deploy"],
             "verbs":["create","delete","get","list","patch","update","watch"]}]}
          """);

  @TempDir Path work;

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();
  MockWebServer server;
  Path kubeconfig;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String document = DOCUMENTS.get(request.getUrl().encodedPath());
            return document != null
                ? new MockResponse.Builder().code(200).body(document).build()
                : new MockResponse.Builder().code(404).body("not found").build();
          }
        });
    server.start();
    kubeconfig = work.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: other
        contexts:
        - name: sandbox
          context: {cluster: sandbox, user: sandbox}
        - name: other
          context: {cluster: other, user: sandbox}
        clusters:
        - name: sandbox
          cluster: {server: "%s"}
        - name: other
          cluster: {server: "http://127.0.0.1:1"}
        users:
        - name: sandbox
          user: {token: test-token}
        """
            .formatted(server.url("/").toString().replaceAll("/$", "")));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void listsTheCatalogAndReportsTheFailingGroupWithExitCode3() {
    RunnerFixture.Result result =
        runner.run("api-resources", "--kubeconfig", kubeconfig.toString(), "--context", "sandbox");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(result.out().lines())
        .anyMatch(line -> line.matches("configmaps\\s+cm\\s+v1\\s+true\\s+ConfigMap\\s+.*list.*"))
        .anyMatch(
            line -> line.matches("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment\\s+.*"));
    assertThat(result.err())
        .isEqualTo("tugboat: warning: skipped metrics.k8s.io/v1beta1: HTTP 404\n");
  }

  @Test
  void jsonNamesTheContextAndServerVersion() {
    RunnerFixture.Result result =
        runner.run(
            "api-resources",
            "--kubeconfig",
            kubeconfig.toString(),
            "--context",
            "sandbox",
            "--output",
            "json");

    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("context").getAsString()).isEqualTo("sandbox");
    assertThat(report.getAsJsonObject("version").get("gitVersion").getAsString())
        .isEqualTo("v1.32.4");
    assertThat(report.getAsJsonArray("resources")).hasSize(2);
    assertThat(report.getAsJsonArray("failures")).hasSize(1);
  }

  @Test
  void unknownContextIsAPreconditionError() {
    RunnerFixture.Result result =
        runner.run("api-resources", "--kubeconfig", kubeconfig.toString(), "--context", "prod");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).startsWith("tugboat: ").contains("prod", "sandbox", "other");
  }
}
