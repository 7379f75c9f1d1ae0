package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectorTest {

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"36\",\"gitVersion\":\"v1.36.1\"}";

  @TempDir Path folder;
  private MockWebServer server;

  @BeforeEach
  void startServer() {
    server = new MockWebServer();
    QueueDispatcher dispatcher = new QueueDispatcher();
    dispatcher.setFailFast(new MockResponse.Builder().code(200).body(VERSION).build());
    server.setDispatcher(dispatcher);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void chosenContextDecidesServerAndToken() throws Exception {
    server.start();
    Path kubeconfig = writeKubeconfig(serverUrl(), "");

    ClusterConnection connection =
        connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, "staging"));

    assertThat(connection.displayName()).isEqualTo("staging");
    assertThat(connection.server()).isEqualTo(serverUrl());
    assertThat(new ResourceDiscovery(connection.apiClient()).serverVersion().gitVersion())
        .isEqualTo("v1.36.1");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/version");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer staging-token");
  }

  @Test
  void currentContextIsTheDefault() throws Exception {
    server.start();
    Path kubeconfig = writeKubeconfig(serverUrl(), "");

    ClusterConnection connection =
        connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, null));

    assertThat(connection.displayName()).isEqualTo("production");
    new ResourceDiscovery(connection.apiClient()).serverVersion();
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer production-token");
  }

  @Test
  void kubeconfigVariableIsUsedWhenNoFileIsGiven() throws Exception {
    server.start();
    Path kubeconfig = writeKubeconfig(serverUrl(), "");

    ClusterConnection connection =
        connector(Map.of("KUBECONFIG", kubeconfig.toString()))
            .connect(ClusterSettings.kubeconfig(null, "staging"));

    assertThat(connection.displayName()).isEqualTo("staging");
  }

  @Test
  void unknownContextListsTheAvailableOnes() throws Exception {
    Path kubeconfig = writeKubeconfig("http://localhost:1", "");

    assertThatThrownBy(
            () -> connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, "qa")))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessage(
            "Context 'qa' is not defined in kubeconfig "
                + kubeconfig
                + "; available contexts: [production, staging, orphan]");
  }

  @Test
  void contextNamingAMissingClusterIsRejected() throws Exception {
    Path kubeconfig = writeKubeconfig("http://localhost:1", "");

    assertThatThrownBy(
            () -> connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, "orphan")))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessageContaining("names cluster 'gone', which is not defined or has no server");
  }

  @Test
  void missingKubeconfigIsAClearError() {
    Path missing = folder.resolve("no-such-config");

    assertThatThrownBy(() -> connector(Map.of()).connect(ClusterSettings.kubeconfig(missing, null)))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessage("Kubeconfig " + missing + " does not exist");
  }

  @Test
  void withoutKubeconfigOrServiceAccountThereIsNothingToConnectTo() {
    assertThatThrownBy(() -> connector(Map.of()).connect(ClusterSettings.kubeconfig(null, null)))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessageContaining("No kubeconfig found")
        .hasMessageContaining("not running inside a Kubernetes pod");
  }

  @Test
  void unreadableTokenFileIsAClearError() {
    Path missingToken = folder.resolve("token");
    ClusterSettings settings =
        ClusterSettings.of(
            new ClusterSource.Explicit(
                URI.create("https://10.0.0.1:6443"), null, missingToken, null));

    assertThatThrownBy(() -> connector(Map.of()).connect(settings))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessage("Cannot read token file " + missingToken);
  }

  @Test
  void explicitSourceNeverPrintsItsToken() {
    ClusterSource.Explicit source =
        new ClusterSource.Explicit(URI.create("https://10.0.0.1:6443"), "s3cr3t", null, null);

    assertThat(source.toString()).doesNotContain("s3cr3t").contains("<redacted>");
    assertThat(ClusterSettings.of(source).toString()).doesNotContain("s3cr3t");
  }

  @Test
  void podServiceAccountIsUsedWhenThereIsNoKubeconfig() throws Exception {
    HeldCertificate certificate = serveHttps();
    Path serviceAccount = Files.createDirectories(folder.resolve("serviceaccount"));
    Files.writeString(serviceAccount.resolve("token"), "pod-token\n");
    Files.writeString(serviceAccount.resolve("ca.crt"), certificate.certificatePem());
    ClusterEnvironment pod =
        new ClusterEnvironment(
            Map.of(
                "KUBERNETES_SERVICE_HOST", server.getHostName(),
                "KUBERNETES_SERVICE_PORT", String.valueOf(server.getPort())),
            folder,
            serviceAccount);

    ClusterConnection connection =
        new ClusterConnector(pod).connect(ClusterSettings.kubeconfig(null, null));

    assertThat(connection.displayName()).isEqualTo("in-cluster");
    assertThat(connection.server())
        .isEqualTo("https://" + server.getHostName() + ":" + server.getPort());
    new ResourceDiscovery(connection.apiClient()).serverVersion();
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer pod-token");
  }

  @Test
  void inClusterOutsideAPodIsAClearError() {
    assertThatThrownBy(() -> connector(Map.of()).connect(ClusterSettings.inCluster()))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessage(
            "KUBERNETES_SERVICE_HOST is not set: Tugboat is not running inside a Kubernetes pod");
  }

  @Test
  void untrustedServerCertificateIsRefusedByDefault() throws Exception {
    serveHttps();
    Path kubeconfig = writeKubeconfig(serverUrl(), "");
    ClusterConnection connection =
        connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, "production"));

    assertThatThrownBy(() -> new ResourceDiscovery(connection.apiClient()).serverVersion())
        .isInstanceOf(DiscoveryException.class)
        .hasMessageStartingWith(
            "Cannot discover the cluster's API: GET /version failed: TLS handshake with "
                + serverUrl()
                + " failed")
        .hasMessageEndingWith(
            "certificate-authority or certificate-authority-data in the kubeconfig");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void serverCertificateSignedByTheKubeconfigCaIsTrusted() throws Exception {
    HeldCertificate certificate = serveHttps();
    String caData =
        Base64.getEncoder()
            .encodeToString(certificate.certificatePem().getBytes(StandardCharsets.US_ASCII));
    Path kubeconfig =
        writeKubeconfig(serverUrl(), "    certificate-authority-data: " + caData + "\n");

    ClusterConnection connection =
        connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, "production"));

    assertThat(new ResourceDiscovery(connection.apiClient()).serverVersion())
        .isEqualTo(new ServerVersion("v1.36.1", "1", "36"));
  }

  @Test
  void insecureSkipTlsVerifyInTheKubeconfigIsHonoured() throws Exception {
    serveHttps();
    Path kubeconfig = writeKubeconfig(serverUrl(), "    insecure-skip-tls-verify: true\n");

    ClusterConnection connection =
        connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, "production"));

    assertThat(new ResourceDiscovery(connection.apiClient()).serverVersion().gitVersion())
        .isEqualTo("v1.36.1");
  }

  @Test
  void everyRequestPassesRetriesThenTheRateLimit() throws Exception {
    Path kubeconfig = writeKubeconfig("http://localhost:1", "");

    ClusterConnection connection =
        connector(Map.of()).connect(ClusterSettings.kubeconfig(kubeconfig, null));

    assertThat(connection.apiClient().getHttpClient().interceptors())
        .map(Interceptor::getClass)
        .containsSubsequence(RetryInterceptor.class, RateLimitInterceptor.class);
    assertThat(connection.apiClient().getHttpClient().dispatcher().getMaxRequestsPerHost())
        .isEqualTo(ClusterConnector.MAX_CONCURRENT_REQUESTS);
  }

  private ClusterConnector connector(Map<String, String> variables) {
    // an empty home and no service account: only what the test gives counts
    return new ClusterConnector(
        new ClusterEnvironment(variables, folder, folder.resolve("no-service-account")));
  }

  /** Starts the server on HTTPS with a self-signed certificate, which it returns. */
  private HeldCertificate serveHttps() throws IOException {
    HeldCertificate certificate =
        new HeldCertificate.Builder()
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .build();
    HandshakeCertificates serverCertificates =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    server.useHttps(serverCertificates.sslSocketFactory());
    server.start();
    return certificate;
  }

  private String serverUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /**
   * Two contexts with token users on the same server, and a third naming an undefined cluster.
   *
   * @param clusterExtra more lines for the {@code production} cluster entry
   */
  private Path writeKubeconfig(String server, String clusterExtra) throws IOException {
    Path file = folder.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        current-context: production
        clusters:
        - name: production
          cluster:
            server: %1$s
        %2$s- name: staging
          cluster:
            server: %1$s
        contexts:
        - name: production
          context:
            cluster: production
            user: production-admin
        - name: staging
          context:
            cluster: staging
            user: staging-admin
            namespace: shop
        - name: orphan
          context:
            cluster: gone
            user: staging-admin
        users:
        - name: production-admin
          user:
            token: production-token
        - name: staging-admin
          user:
            token: staging-token
        """
            .formatted(server, clusterExtra));
    return file;
  }
}
