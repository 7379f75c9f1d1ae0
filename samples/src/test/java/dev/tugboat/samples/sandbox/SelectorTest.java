package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SelectorTest {

  @RegisterExtension
  static SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private static RawApi raw;

  @BeforeAll
  static void createPods() {
    raw = new RawApi(sandbox.url());
    raw.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"shop\"}}");
    pod("default", "web-1", "{\"app\":\"web\",\"tier\":\"front\"}", "node-a");
    pod("default", "web-2", "{\"app\":\"web\"}", "node-b");
    pod("default", "db-1", "{\"app\":\"db\",\"tier\":\"back\"}", "node-a");
    pod("shop", "cart-1", "{\"app\":\"cart\"}", "node-b");
    JsonObject running = raw.get("/api/v1/namespaces/default/pods/web-2").json();
    running.add("status", TestObjects.json("{\"phase\":\"Running\"}"));
    raw.put("/api/v1/namespaces/default/pods/web-2/status", running.toString());
  }

  @Test
  void selectsByLabels() {
    assertThat(names("/api/v1/pods", "labelSelector", "app=web")).containsExactly("web-1", "web-2");
    assertThat(names("/api/v1/pods", "labelSelector", "app!=web"))
        .containsExactly("db-1", "cart-1");
    assertThat(names("/api/v1/pods", "labelSelector", "tier in (front,back)"))
        .containsExactly("db-1", "web-1");
    assertThat(names("/api/v1/pods", "labelSelector", "!tier")).containsExactly("web-2", "cart-1");
    assertThat(names("/api/v1/namespaces/default/pods", "labelSelector", "app,tier notin (back)"))
        .containsExactly("web-1", "web-2");
  }

  @Test
  void selectsByFields() {
    assertThat(names("/api/v1/pods", "fieldSelector", "metadata.name=web-1"))
        .containsExactly("web-1");
    assertThat(names("/api/v1/pods", "fieldSelector", "metadata.namespace==shop"))
        .containsExactly("cart-1");
    assertThat(names("/api/v1/pods", "fieldSelector", "spec.nodeName=node-a"))
        .containsExactly("db-1", "web-1");
    assertThat(names("/api/v1/pods", "fieldSelector", "status.phase=Running"))
        .containsExactly("web-2");
    assertThat(names("/api/v1/pods", "fieldSelector", "status.phase!=Running,spec.nodeName=node-b"))
        .containsExactly("cart-1");
  }

  @Test
  void refusesFieldsThatCannotBeSelected() {
    RawApi.Answer answer = raw.get("/api/v1/configmaps?fieldSelector=" + encode("data.key=x"));
    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.json().get("message").getAsString())
        .startsWith("field label not supported: data.key");
  }

  @Test
  void refusesMalformedLabelSelectors() {
    assertThat(raw.get("/api/v1/pods?labelSelector=" + encode("app in (")).code()).isEqualTo(400);
  }

  private static void pod(String namespace, String name, String labels, String node) {
    raw.post(
        "/api/v1/namespaces/" + namespace + "/pods",
        "{\"metadata\":{\"name\":\""
            + name
            + "\",\"labels\":"
            + labels
            + "},\"spec\":{\"nodeName\":\""
            + node
            + "\",\"containers\":[]}}");
  }

  private static List<String> names(String path, String parameter, String selector) {
    JsonObject list = raw.get(path + "?" + parameter + "=" + encode(selector)).json();
    List<String> names = new ArrayList<>();
    for (JsonElement item : list.getAsJsonArray("items")) {
      names.add(item.getAsJsonObject().getAsJsonObject("metadata").get("name").getAsString());
    }
    return names;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
