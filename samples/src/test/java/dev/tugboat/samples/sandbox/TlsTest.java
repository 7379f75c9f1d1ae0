package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsTest {

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder().options(options -> options.tls(true)).build();

  @Test
  void servesHttpsWithTheCaInTheKubeconfig() throws Exception {
    assertThat(sandbox.url()).startsWith("https://127.0.0.1:");
    assertThat(Files.readString(sandbox.kubeconfig())).contains("certificate-authority-data: ");
    assertThat(sandbox.sandbox().caCertificatePem().orElseThrow())
        .startsWith("-----BEGIN CERTIFICATE-----\n");

    assertThat(
            new CoreV1Api(sandbox.apiClient())
                .readNamespace("default")
                .execute()
                .getMetadata()
                .getName())
        .isEqualTo("default");
  }

  @Test
  void kubectlTrustsTheSandboxCa() throws Exception {
    assumeTrue(Kubectl.available(), "kubectl is not on the PATH");
    Kubectl.Result result =
        new Kubectl(sandbox.kubeconfig()).run("get", "namespace", "default", "-o", "name");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("namespace/default\n");
  }
}
