package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.configMap;
import static dev.tugboat.samples.sandbox.TestObjects.deployment;
import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ObjectCrudTest {

  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private RawApi raw() {
    return new RawApi(sandbox.url());
  }

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

  @Test
  void createAnswers201AndFillsInTypeMetaAndServerFields() {
    RawApi.Answer created = raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"bare\"}}");
    assertThat(created.code()).isEqualTo(201);
    JsonObject object = created.json();
    assertThat(object.get("apiVersion").getAsString()).isEqualTo("v1");
    assertThat(object.get("kind").getAsString()).isEqualTo("ConfigMap");
    assertThat(meta(object, "namespace")).isEqualTo("default");
    assertThat(meta(object, "creationTimestamp"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(meta(object, "generation")).isEqualTo("1");
  }

  @Test
  void generatesNamesFromAPrefix() {
    JsonObject created =
        raw().post(CONFIG_MAPS, "{\"metadata\":{\"generateName\":\"job-\"}}").json();
    assertThat(meta(created, "name")).matches("job-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void refusesDuplicatesBadNamesAndMissingNamespaces() {
    raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"twice\"}}");
    RawApi.Answer duplicate = raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"twice\"}}");
    assertThat(duplicate.code()).isEqualTo(409);
    assertThat(duplicate.json().get("reason").getAsString()).isEqualTo("AlreadyExists");
    assertThat(duplicate.json().get("message").getAsString())
        .isEqualTo("configmaps \"twice\" already exists");
    assertThat(duplicate.json().getAsJsonObject("details").get("name").getAsString())
        .isEqualTo("twice");
    assertThat(duplicate.json().getAsJsonObject("details").get("kind").getAsString())
        .isEqualTo("configmaps");

    RawApi.Answer invalid = raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"Bad_Name\"}}");
    assertThat(invalid.code()).isEqualTo(422);
    assertThat(invalid.json().get("reason").getAsString()).isEqualTo("Invalid");
    assertThat(invalid.json().get("message").getAsString())
        .startsWith(
            "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");

    RawApi.Answer noNamespace =
        raw().post("/api/v1/namespaces/nowhere/configmaps", "{\"metadata\":{\"name\":\"x\"}}");
    assertThat(noNamespace.code()).isEqualTo(404);
    assertThat(noNamespace.json().get("message").getAsString())
        .isEqualTo("namespaces \"nowhere\" not found");
  }

  @Test
  void updatingAMissingObjectIsNotFound() {
    RawApi.Answer answer = raw().put(CONFIG_MAPS + "/ghost", "{\"metadata\":{\"name\":\"ghost\"}}");
    assertThat(answer.code()).isEqualTo(404);
  }

  @Test
  void bumpsGenerationOnlyWhenTheSpecChangesAndSkipsNoOpWrites() {
    String path = "/apis/apps/v1/namespaces/default/deployments";
    JsonObject created = raw().post(path, deployment("default", "web", 1).toString()).json();

    JsonObject labelled = created.deepCopy();
    labelled.getAsJsonObject("metadata").getAsJsonObject("labels").addProperty("tier", "front");
    JsonObject afterLabel = raw().put(path + "/web", labelled.toString()).json();
    assertThat(meta(afterLabel, "generation")).isEqualTo("1");

    JsonObject scaled = afterLabel.deepCopy();
    scaled.getAsJsonObject("spec").addProperty("replicas", 4);
    JsonObject afterScale = raw().put(path + "/web", scaled.toString()).json();
    assertThat(meta(afterScale, "generation")).isEqualTo("2");

    JsonObject again = raw().put(path + "/web", afterScale.toString()).json();
    assertThat(meta(again, "resourceVersion")).isEqualTo(meta(afterScale, "resourceVersion"));
  }

  @Test
  void mergesSecretStringDataIntoData() {
    JsonObject secret =
        raw()
            .post(
                "/api/v1/namespaces/default/secrets",
                "{\"metadata\":{\"name\":\"creds\"},\"data\":{\"a\":\"QQ==\"},\"stringData\":{\"b\":\"bee\"}}")
            .json();
    assertThat(secret.has("stringData")).isFalse();
    assertThat(secret.get("type").getAsString()).isEqualTo("Opaque");
    assertThat(secret.getAsJsonObject("data").get("a").getAsString()).isEqualTo("QQ==");
    assertThat(secret.getAsJsonObject("data").get("b").getAsString())
        .isEqualTo(Base64.getEncoder().encodeToString("bee".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void allocatesServiceClusterIpsUnlessHeadless() {
    String services = "/api/v1/namespaces/default/services";
    JsonObject first =
        raw()
            .post(services, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"ports\":[{\"port\":80}]}}")
            .json();
    JsonObject second =
        raw()
            .post(services, "{\"metadata\":{\"name\":\"b\"},\"spec\":{\"ports\":[{\"port\":80}]}}")
            .json();
    JsonObject headless =
        raw()
            .post(services, "{\"metadata\":{\"name\":\"c\"},\"spec\":{\"clusterIP\":\"None\"}}")
            .json();
    assertThat(first.getAsJsonObject("spec").get("clusterIP").getAsString()).isEqualTo("10.96.0.1");
    assertThat(second.getAsJsonObject("spec").get("clusterIP").getAsString())
        .isEqualTo("10.96.0.2");
    assertThat(first.getAsJsonObject("spec").get("type").getAsString()).isEqualTo("ClusterIP");
    assertThat(headless.getAsJsonObject("spec").get("clusterIP").getAsString()).isEqualTo("None");
  }

  @Test
  void dryRunValidatesButStoresNothing() {
    RawApi.Answer created =
        raw().post(CONFIG_MAPS + "?dryRun=All", "{\"metadata\":{\"name\":\"dry\"}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(meta(created.json(), "name")).isEqualTo("dry");
    assertThat(raw().get(CONFIG_MAPS + "/dry").code()).isEqualTo(404);
    assertThat(
            raw()
                .post(CONFIG_MAPS + "?dryRun=All", "{\"metadata\":{\"name\":\"Bad_Name\"}}")
                .code())
        .isEqualTo(422);

    JsonObject real =
        raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"wet\"},\"data\":{\"k\":\"1\"}}").json();
    JsonObject changed = real.deepCopy();
    changed.getAsJsonObject("data").addProperty("k", "2");
    assertThat(
            raw()
                .put(CONFIG_MAPS + "/wet?dryRun=All", changed.toString())
                .json()
                .getAsJsonObject("data")
                .get("k")
                .getAsString())
        .isEqualTo("2");
    assertThat(raw().delete(CONFIG_MAPS + "/wet?dryRun=All").code()).isEqualTo(200);
    JsonObject after = raw().get(CONFIG_MAPS + "/wet").json();
    assertThat(after.getAsJsonObject("data").get("k").getAsString()).isEqualTo("1");
    assertThat(meta(after, "resourceVersion")).isEqualTo(meta(real, "resourceVersion"));
  }

  @Test
  void answersDeletesLikeTheApiDocumentSays() throws Exception {
    CoreV1Api core = new CoreV1Api(sandbox.apiClient());
    raw()
        .post(
            "/api/v1/namespaces/default/pods",
            "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");
    V1Pod deleted = core.deleteNamespacedPod("p", "default").execute();
    assertThat(deleted.getMetadata().getName()).isEqualTo("p");

    raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"gone\"}}");
    assertThat(core.deleteNamespacedConfigMap("gone", "default").execute().getStatus())
        .isEqualTo("Success");
  }

  @Test
  void clearsStatusOnCreateThroughTheApi() {
    JsonObject pod =
        raw()
            .post(
                "/api/v1/namespaces/default/pods",
                "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[]},\"status\":{\"phase\":\"Running\"}}")
            .json();
    assertThat(pod.getAsJsonObject("status").get("phase").getAsString()).isEqualTo("Pending");
  }

  @Test
  void deletesACollectionBySelector() {
    raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"a\",\"labels\":{\"batch\":\"1\"}}}");
    raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"b\",\"labels\":{\"batch\":\"1\"}}}");
    raw().post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"c\"}}");
    RawApi.Answer answer = raw().delete(CONFIG_MAPS + "?labelSelector=batch%3D1");
    assertThat(answer.code()).isEqualTo(200);
    assertThat(answer.json().get("kind").getAsString()).isEqualTo("ConfigMapList");
    assertThat(answer.json().getAsJsonArray("items")).hasSize(2);
    assertThat(raw().get(CONFIG_MAPS).json().getAsJsonArray("items")).hasSize(1);
  }
}
