package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code meta.k8s.io} Table the sandbox answers when the Accept header asks for one. */
class TableTest {

  private static final String KUBECTL_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,"
          + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  SandboxExtension sandbox =
      SandboxExtension.builder().options(options -> options.simulation(false).clock(clock)).build();

  private RawApi raw;

  @BeforeEach
  void createConfigMaps() {
    raw = new RawApi(sandbox.url());
    for (String name : new String[] {"app-config", "db-config", "web-config"}) {
      assertThat(
              raw.post(
                      CONFIGMAPS,
                      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                          + "\"metadata\":{\"name\":\""
                          + name
                          + "\"},\"data\":{\"k\":\"v\"}}")
                  .code())
          .isEqualTo(201);
    }
    clock.advance(Duration.ofMinutes(3));
  }

  @Test
  void answersAConfigMapListAsATableWithNameAndAge() {
    RawApi.Answer answer = raw.get(CONFIGMAPS, KUBECTL_ACCEPT);

    assertThat(answer.code()).isEqualTo(200);
    JsonObject table = answer.json();
    assertThat(table.get("kind").getAsString()).isEqualTo("Table");
    assertThat(table.get("apiVersion").getAsString()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.get("columnDefinitions"))
        .isEqualTo(
            json("""
                    {"c":[
                     {"name":"Name","type":"string","format":"name",
                      "description":"Name must be unique within a namespace.","priority":0},
                     {"name":"Age","type":"string","format":"",
                      "description":"CreationTimestamp is a timestamp representing the server time when this object was created.",
                      "priority":0}]}
                    """)
                .get("c"));
    assertThat(table.getAsJsonArray("rows")).hasSize(3);
    JsonObject row = table.getAsJsonArray("rows").get(0).getAsJsonObject();
    assertThat(row.get("cells")).isEqualTo(json("{\"c\":[\"app-config\",\"3m\"]}").get("c"));
    JsonObject object = row.getAsJsonObject("object");
    assertThat(object.get("kind").getAsString()).isEqualTo("PartialObjectMetadata");
    assertThat(object.get("apiVersion").getAsString()).isEqualTo("meta.k8s.io/v1");
    assertThat(JsonFields.string(object, "metadata", "name")).isEqualTo("app-config");
    assertThat(JsonFields.string(object, "metadata", "creationTimestamp"))
        .isEqualTo("2026-03-01T10:00:00Z");
    assertThat(object.has("data")).isFalse();
    String listVersion =
        JsonFields.string(raw.get(CONFIGMAPS).json(), "metadata", "resourceVersion");
    assertThat(JsonFields.string(table, "metadata", "resourceVersion")).isEqualTo(listVersion);
  }

  @Test
  void carriesTheContinueTokenOfAPageOver() {
    JsonObject first = raw.get(CONFIGMAPS + "?limit=2", KUBECTL_ACCEPT).json();
    String token = JsonFields.string(first, "metadata", "continue");
    assertThat(token).isNotEmpty();
    assertThat(first.getAsJsonArray("rows")).hasSize(2);

    JsonObject rest = raw.get(CONFIGMAPS + "?limit=2&continue=" + token, KUBECTL_ACCEPT).json();
    assertThat(rest.getAsJsonArray("rows")).hasSize(1);
    assertThat(
            rest.getAsJsonArray("rows")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("cells")
                .get(0)
                .getAsString())
        .isEqualTo("web-config");
    assertThat(JsonFields.string(rest, "metadata", "continue")).isNull();
  }

  @Test
  void answersOneObjectAsATableOfOneRow() {
    JsonObject table = raw.get(CONFIGMAPS + "/db-config", KUBECTL_ACCEPT).json();

    assertThat(table.get("kind").getAsString()).isEqualTo("Table");
    assertThat(table.getAsJsonArray("rows")).hasSize(1);
    assertThat(table.getAsJsonArray("rows").get(0).getAsJsonObject().get("cells"))
        .isEqualTo(json("{\"c\":[\"db-config\",\"3m\"]}").get("c"));
  }

  @Test
  void includesTheWholeObjectOrNoneAsAsked() {
    JsonObject whole = raw.get(CONFIGMAPS + "?includeObject=Object", KUBECTL_ACCEPT).json();
    JsonObject object =
        whole.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonObject("object");
    assertThat(object.get("kind").getAsString()).isEqualTo("ConfigMap");
    assertThat(JsonFields.string(object, "data", "k")).isEqualTo("v");

    JsonObject none = raw.get(CONFIGMAPS + "?includeObject=None", KUBECTL_ACCEPT).json();
    assertThat(none.getAsJsonArray("rows").get(0).getAsJsonObject().has("object")).isFalse();

    assertThat(raw.get(CONFIGMAPS + "?includeObject=All", KUBECTL_ACCEPT).code()).isEqualTo(400);
  }

  @Test
  void answersV1beta1TablesInV1beta1AndPlainJsonOtherwise() {
    JsonObject beta =
        raw.get(CONFIGMAPS, "application/json;as=Table;v=v1beta1;g=meta.k8s.io").json();
    assertThat(beta.get("apiVersion").getAsString()).isEqualTo("meta.k8s.io/v1beta1");

    assertThat(raw.get(CONFIGMAPS, "application/json").json().get("kind").getAsString())
        .isEqualTo("ConfigMapList");
    assertThat(raw.get(CONFIGMAPS).json().get("kind").getAsString()).isEqualTo("ConfigMapList");
  }
}
