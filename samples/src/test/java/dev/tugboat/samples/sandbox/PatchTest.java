package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.deployment;
import static dev.tugboat.samples.sandbox.TestObjects.json;
import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PatchTest {

  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String WEB = DEPLOYMENTS + "/web";

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private RawApi raw;

  @BeforeEach
  void createDeployment() {
    raw = new RawApi(sandbox.url());
    JsonObject web = deployment("default", "web", 1);
    web.getAsJsonObject("spec")
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject()
        .add(
            "env", arrayOf("{\"name\":\"A\",\"value\":\"1\"}", "{\"name\":\"B\",\"value\":\"2\"}"));
    assertThat(raw.post(DEPLOYMENTS, web.toString()).code()).isEqualTo(201);
  }

  @Test
  void mergePatchMergesMapsRemovesNullsAndReplacesLists() {
    RawApi.Answer answer =
        raw.patch(
            WEB,
            "application/merge-patch+json",
            "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"front\"}},\"spec\":{\"replicas\":3}}");
    assertThat(answer.code()).isEqualTo(200);
    JsonObject patched = answer.json();
    assertThat(patched.getAsJsonObject("metadata").getAsJsonObject("labels"))
        .isEqualTo(json("{\"tier\":\"front\"}"));
    assertThat(patched.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(3);
    assertThat(container(patched).getAsJsonArray("env")).hasSize(2);
  }

  @Test
  void jsonPatchAppliesEachOperation() {
    String operations =
        """
        [{"op":"test","path":"/spec/replicas","value":1},
         {"op":"replace","path":"/spec/replicas","value":2},
         {"op":"add","path":"/metadata/labels/tier","value":"front"},
         {"op":"copy","from":"/metadata/labels/tier","path":"/metadata/labels/copied"},
         {"op":"move","from":"/metadata/labels/copied","path":"/metadata/labels/moved"},
         {"op":"remove","path":"/spec/template/spec/containers/0/env/0"},
         {"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"C","value":"3"}}]
        """;
    JsonObject patched = raw.patch(WEB, "application/json-patch+json", operations).json();
    assertThat(patched.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(2);
    assertThat(patched.getAsJsonObject("metadata").getAsJsonObject("labels"))
        .isEqualTo(json("{\"app\":\"web\",\"tier\":\"front\",\"moved\":\"front\"}"));
    assertThat(container(patched).getAsJsonArray("env"))
        .isEqualTo(arrayOf("{\"name\":\"B\",\"value\":\"2\"}", "{\"name\":\"C\",\"value\":\"3\"}"));
  }

  @Test
  void jsonPatchWithAFailedTestChangesNothing() {
    String before = raw.get(WEB).body();
    RawApi.Answer answer =
        raw.patch(
            WEB,
            "application/json-patch+json",
            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":9},{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":1}]");
    assertThat(answer.code()).isEqualTo(422);
    assertThat(raw.get(WEB).body()).isEqualTo(before);
  }

  @Test
  void strategicMergePatchMergesListsByKey() {
    String patch =
        """
        {"spec":{"template":{"spec":{"containers":[
          {"name":"web","image":"nginx:1.28","env":[{"name":"B","value":"two"},{"name":"A","$patch":"delete"}],
           "ports":[{"containerPort":443}]},
          {"name":"sidecar","image":"envoy"}]}}}}
        """;
    RawApi.Answer answer = raw.patch(WEB, "application/strategic-merge-patch+json", patch);
    assertThat(answer.code()).isEqualTo(200);
    JsonArray containers =
        answer
            .json()
            .getAsJsonObject("spec")
            .getAsJsonObject("template")
            .getAsJsonObject("spec")
            .getAsJsonArray("containers");
    assertThat(containers).hasSize(2);
    JsonObject web = containers.get(0).getAsJsonObject();
    assertThat(web.get("image").getAsString()).isEqualTo("nginx:1.28");
    assertThat(web.getAsJsonArray("env")).isEqualTo(arrayOf("{\"name\":\"B\",\"value\":\"two\"}"));
    assertThat(web.getAsJsonArray("ports"))
        .isEqualTo(arrayOf("{\"containerPort\":80}", "{\"containerPort\":443}"));
    assertThat(containers.get(1).getAsJsonObject().get("name").getAsString()).isEqualTo("sidecar");
  }

  @Test
  void serverSideApplyCreatesThenMerges() {
    String path = "/api/v1/namespaces/default/configmaps/applied?fieldManager=test";
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: \"1\"\n";
    RawApi.Answer created = raw.patch(path, "application/apply-patch+yaml", yaml);
    assertThat(created.code()).isEqualTo(201);
    RawApi.Answer updated =
        raw.patch(
            path + "&force=true",
            "application/apply-patch+yaml",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"applied\"},\"data\":{\"b\":\"2\"}}");
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.json().getAsJsonObject("data")).isEqualTo(json("{\"a\":\"1\",\"b\":\"2\"}"));
  }

  @Test
  void serverSideApplyNeedsAFieldManager() {
    RawApi.Answer answer =
        raw.patch(
            "/api/v1/namespaces/default/configmaps/x",
            "application/apply-patch+yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.json().get("message").getAsString()).contains("fieldManager is required");
  }

  @Test
  void refusesUnknownPatchFormats() {
    RawApi.Answer answer = raw.patch(WEB, "application/json", "{}");
    assertThat(answer.code()).isEqualTo(415);
    assertThat(answer.json().get("reason").getAsString()).isEqualTo("UnsupportedMediaType");
  }

  @Test
  void patchingAMissingObjectIsNotFound() {
    assertThat(raw.patch(DEPLOYMENTS + "/ghost", "application/merge-patch+json", "{}").code())
        .isEqualTo(404);
  }

  @Test
  void servesTugboatsResourceApplier() {
    ApiResource configMaps =
        new ApiResource(
            "",
            "v1",
            "configmaps",
            "ConfigMap",
            true,
            Set.of("create", "get", "patch", "delete"),
            List.of("cm"),
            "v1");
    ResourceApplier applier = ResourceApplier.live(sandbox.apiClient());
    JsonObject settings =
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":\"default\"},\"data\":{\"a\":\"1\"}}");

    assertThat(applier.apply(configMaps, settings, false).outcome())
        .isEqualTo(ApplyOutcome.CREATED);
    assertThat(applier.apply(configMaps, settings, false).outcome())
        .isEqualTo(ApplyOutcome.UNCHANGED);
    ApplyResult merged =
        applier.mergePatch(configMaps, "default", "settings", json("{\"data\":{\"b\":\"2\"}}"));
    assertThat(merged.outcome()).isEqualTo(ApplyOutcome.UPDATED);
    assertThat(merged.object().getAsJsonObject("data"))
        .isEqualTo(json("{\"a\":\"1\",\"b\":\"2\"}"));
    assertThat(applier.create(configMaps, settings).outcome())
        .isEqualTo(ApplyOutcome.ALREADY_EXISTS);
    assertThat(
            ResourceApplier.dryRun(sandbox.apiClient())
                .delete(configMaps, "default", "settings", DeletePropagation.BACKGROUND)
                .outcome())
        .isEqualTo(ApplyOutcome.DELETED);
    assertThat(applier.get(configMaps, "default", "settings").outcome())
        .isEqualTo(ApplyOutcome.FOUND);
    assertThat(
            applier
                .delete(configMaps, "default", "settings", DeletePropagation.FOREGROUND)
                .outcome())
        .isEqualTo(ApplyOutcome.DELETED);
    assertThat(applier.get(configMaps, "default", "settings").outcome())
        .isEqualTo(ApplyOutcome.NOT_FOUND);
    assertThat(meta(settings, "name")).isEqualTo("settings");
  }

  private static JsonObject container(JsonObject deployment) {
    return deployment
        .getAsJsonObject("spec")
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject();
  }

  private static JsonArray arrayOf(String... objects) {
    JsonArray array = new JsonArray();
    for (String object : objects) {
      array.add(json(object));
    }
    return array;
  }
}
