package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** client-java's informers list, then watch from the list's resource version. */
class InformerTest {

  @RegisterExtension SandboxExtension sandbox = SandboxExtension.builder().build();

  @Test
  void anInformerSyncsAndFollowsChanges() {
    RawApi raw = new RawApi(sandbox.url());
    raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"before\"}}");
    ApiClient client = sandbox.apiClient();
    client.setHttpClient(
        client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
    SharedInformerFactory factory = new SharedInformerFactory(client);
    SharedIndexInformer<V1ConfigMap> informer =
        factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(
                V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client),
            V1ConfigMap.class,
            0);
    factory.startAllRegisteredInformers();
    try {
      await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
      assertThat(informer.getIndexer().listKeys()).containsExactly("default/before");

      raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"after\"}}");
      raw.delete("/api/v1/namespaces/default/configmaps/before");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(informer.getIndexer().listKeys()).containsExactly("default/after"));
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }
}
