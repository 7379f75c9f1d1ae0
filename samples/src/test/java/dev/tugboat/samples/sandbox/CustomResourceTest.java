package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomResourceTest {

  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String CRON_TABS = "/apis/stable.example.com/v1/namespaces/default/crontabs";

  private static final String CRON_TAB_DEFINITION =
      """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"crontabs.stable.example.com"},
       "spec":{"group":"stable.example.com","scope":"Namespaced",
        "names":{"plural":"crontabs","singular":"crontab","kind":"CronTab","shortNames":["ct"]},
        "versions":[
         {"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
          "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}},
         {"name":"v1beta1","served":true,"storage":false,
          "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
      """;

  @RegisterExtension SandboxExtension sandbox = SandboxExtension.builder().build();

  private RawApi raw;

  @BeforeEach
  void setUp() {
    raw = new RawApi(sandbox.url());
  }

  @Test
  void aNewDefinitionIsEstablishedAndServed() {
    JsonObject definition = raw.post(CRDS, CRON_TAB_DEFINITION).json();
    assertThat(conditions(definition))
        .containsEntry("Established", "True")
        .containsEntry("NamesAccepted", "True");
    assertThat(definition.getAsJsonObject("status").getAsJsonArray("storedVersions").toString())
        .isEqualTo("[\"v1\"]");

    JsonObject resources = raw.get("/apis/stable.example.com/v1").json();
    JsonObject cronTabs = resources.getAsJsonArray("resources").get(0).getAsJsonObject();
    assertThat(cronTabs.get("name").getAsString()).isEqualTo("crontabs");
    assertThat(cronTabs.get("kind").getAsString()).isEqualTo("CronTab");
    assertThat(cronTabs.getAsJsonArray("shortNames").toString()).isEqualTo("[\"ct\"]");
    assertThat(
            resources
                .getAsJsonArray("resources")
                .get(1)
                .getAsJsonObject()
                .get("name")
                .getAsString())
        .isEqualTo("crontabs/status");
    JsonObject group = raw.get("/apis/stable.example.com").json();
    assertThat(group.getAsJsonObject("preferredVersion").get("version").getAsString())
        .isEqualTo("v1");

    JsonObject created =
        raw.post(
                CRON_TABS,
                "{\"apiVersion\":\"stable.example.com/v1\",\"kind\":\"CronTab\",\"metadata\":{\"name\":\"nightly\"},\"spec\":{\"cron\":\"0 3 * * *\"}}")
            .json();
    assertThat(meta(created, "uid")).isNotEmpty();
    JsonObject asBeta =
        raw.get("/apis/stable.example.com/v1beta1/namespaces/default/crontabs/nightly").json();
    assertThat(asBeta.get("apiVersion").getAsString()).isEqualTo("stable.example.com/v1beta1");
    assertThat(asBeta.getAsJsonObject("spec").get("cron").getAsString()).isEqualTo("0 3 * * *");
  }

  @Test
  void deletingTheDefinitionRemovesItsObjectsAndApi() {
    raw.post(CRDS, CRON_TAB_DEFINITION);
    raw.post(CRON_TABS, "{\"metadata\":{\"name\":\"nightly\"}}");

    assertThat(raw.delete(CRDS + "/crontabs.stable.example.com").code()).isEqualTo(200);

    assertThat(raw.get("/apis/stable.example.com/v1").code()).isEqualTo(404);
    assertThat(raw.get(CRON_TABS).code()).isEqualTo(404);
    raw.post(CRDS, CRON_TAB_DEFINITION);
    assertThat(raw.get(CRON_TABS).json().getAsJsonArray("items")).isEmpty();
  }

  @Test
  void refusesADefinitionWhoseNameDoesNotMatch() {
    RawApi.Answer answer =
        raw.post(
            CRDS, CRON_TAB_DEFINITION.replace("crontabs.stable.example.com", "tabs.example.com"));
    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.json().get("message").getAsString())
        .isEqualTo(
            "CustomResourceDefinition \"tabs.example.com\" is invalid: metadata.name: Invalid value: \"tabs.example.com\": must be spec.names.plural+\".\"+spec.group");
  }

  private static Map<String, String> conditions(JsonObject definition) {
    Map<String, String> conditions = new HashMap<>();
    for (JsonElement condition :
        definition.getAsJsonObject("status").getAsJsonArray("conditions")) {
      conditions.put(
          condition.getAsJsonObject().get("type").getAsString(),
          condition.getAsJsonObject().get("status").getAsString());
    }
    return conditions;
  }
}
