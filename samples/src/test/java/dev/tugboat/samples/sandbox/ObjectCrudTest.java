package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.configMap;
import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ObjectCrudTest {

  @RegisterExtension static SandboxExtension sandbox = SandboxExtension.builder().build();

  @Test
  void createsGetsUpdatesAndDeletesAConfigMap() {
    DynamicKubernetesApi configMaps =
        new DynamicKubernetesApi("", "v1", "configmaps", sandbox.apiClient());

    KubernetesApiResponse<DynamicKubernetesObject> created =
        configMaps.create(new DynamicKubernetesObject(configMap("default", "settings")));
    assertThat(created.isSuccess()).isTrue();
    JsonObject stored = created.getObject().getRaw();
    assertThat(meta(stored, "uid")).hasSize(36);
    assertThat(meta(stored, "namespace")).isEqualTo("default");

    JsonObject fetched = configMaps.get("default", "settings").getObject().getRaw();
    assertThat(fetched).isEqualTo(stored);

    fetched.getAsJsonObject("data").addProperty("key", "changed");
    KubernetesApiResponse<DynamicKubernetesObject> updated =
        configMaps.update(new DynamicKubernetesObject(fetched));
    assertThat(updated.getHttpStatusCode()).isEqualTo(200);
    assertThat(Long.parseLong(meta(updated.getObject().getRaw(), "resourceVersion")))
        .isGreaterThan(Long.parseLong(meta(stored, "resourceVersion")));

    KubernetesApiResponse<DynamicKubernetesObject> stale =
        configMaps.update(new DynamicKubernetesObject(fetched));
    assertThat(stale.getHttpStatusCode()).isEqualTo(409);
    assertThat(stale.getStatus().getReason()).isEqualTo("Conflict");

    KubernetesApiResponse<DynamicKubernetesObject> deleted =
        configMaps.delete("default", "settings");
    assertThat(deleted.getHttpStatusCode()).isEqualTo(200);
    KubernetesApiResponse<DynamicKubernetesObject> missing = configMaps.get("default", "settings");
    assertThat(missing.getHttpStatusCode()).isEqualTo(404);
    assertThat(missing.getStatus().getReason()).isEqualTo("NotFound");
    assertThat(missing.getStatus().getMessage()).isEqualTo("configmaps \"settings\" not found");
  }
}
