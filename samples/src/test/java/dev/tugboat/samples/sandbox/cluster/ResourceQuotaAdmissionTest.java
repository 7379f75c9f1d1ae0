package dev.tugboat.samples.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.JsonFields;
import org.junit.jupiter.api.Test;

class ResourceQuotaAdmissionTest {

  private final Simulation cluster =
      new Simulation().admitWith(new ResourceQuotaAdmission(TestCatalog.catalog()));

  @Test
  void refusesAPodOverTheQuotaWithKubernetesMessage() {
    quota("compute", "\"requests.cpu\": \"4\", \"pods\": \"10\"");
    cluster.create(pod("web-1", "1", "128Mi"));
    cluster.create(pod("web-2", "2", "128Mi"));

    assertThatThrownBy(() -> cluster.create(pod("web-3", "2", "128Mi")))
        .isInstanceOfSatisfying(
            ApiError.class,
            error -> {
              assertThat(error.code()).isEqualTo(403);
              assertThat(error.reason()).isEqualTo("Forbidden");
            })
        .hasMessage(
            "pods \"web-3\" is forbidden: exceeded quota: compute, requested: requests.cpu=2,"
                + " used: requests.cpu=3, limited: requests.cpu=4");
    cluster.create(pod("web-4", "1", "128Mi")); // exactly at the limit is allowed
  }

  @Test
  void namesEveryExceededResourceOfTheFirstQuotaThatRefuses() {
    quota("a-count", "\"pods\": \"5\"");
    quota("b-compute", "\"cpu\": \"1\", \"requests.memory\": \"1Gi\", \"pods\": \"1\"");
    cluster.create(pod("web-1", "500m", "512Mi"));

    assertThatThrownBy(() -> cluster.create(pod("web-2", "600m", "768Mi")))
        .hasMessage(
            "pods \"web-2\" is forbidden: exceeded quota: b-compute, requested:"
                + " cpu=600m,pods=1,requests.memory=768Mi, used:"
                + " cpu=500m,pods=1,requests.memory=512Mi, limited:"
                + " cpu=1,pods=1,requests.memory=1Gi");
  }

  @Test
  void refusesPodsThatDoNotSpecifyWhatTheQuotaTracks() {
    quota("compute", "\"requests.cpu\": \"4\", \"limits.memory\": \"4Gi\"");

    assertThatThrownBy(
            () ->
                cluster.create(
                    """
                    {"apiVersion": "v1", "kind": "Pod",
                     "metadata": {"generateName": "web-", "namespace": "shop"},
                     "spec": {"containers": [
                       {"name": "app", "resources": {"requests": {"cpu": "1"}}},
                       {"name": "proxy"}]}}
                    """))
        .hasMessage(
            "pods \"web-\" is forbidden: failed quota: compute: must specify limits.memory for:"
                + " app,proxy; requests.cpu for: proxy");
  }

  @Test
  void countsObjectsByResourceName() {
    quota(
        "objects",
        "\"count/configmaps\": \"2\", \"configmaps\": \"5\", \"count/deployments.apps\": \"1\"");
    cluster.create(configMap("one"));
    cluster.create(configMap("two"));
    cluster.create(deployment("web"));

    assertThatThrownBy(() -> cluster.create(configMap("three")))
        .hasMessage(
            "configmaps \"three\" is forbidden: exceeded quota: objects, requested:"
                + " count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2");
    assertThatThrownBy(() -> cluster.create(deployment("api")))
        .hasMessage(
            "deployments.apps \"api\" is forbidden: exceeded quota: objects, requested:"
                + " count/deployments.apps=1, used: count/deployments.apps=1, limited:"
                + " count/deployments.apps=1");
  }

  @Test
  void keepsStatusUsedCurrentAndFinishedPodsFreeTheirShare() {
    quota(
        "compute",
        "\"pods\": \"10\", \"requests.cpu\": \"4\", \"requests.memory\": \"4Gi\","
            + " \"limits.memory\": \"8Gi\", \"count/pods\": \"20\"");
    JsonObject first = cluster.create(pod("web-1", "1500m", "512Mi"));
    cluster.create(pod("web-2", "500m", "512Mi"));

    assertThat(status("compute"))
        .isEqualTo(
            json(
                """
                {"hard": {"count/pods": "20", "limits.memory": "8Gi", "pods": "10",
                          "requests.cpu": "4", "requests.memory": "4Gi"},
                 "used": {"count/pods": "2", "limits.memory": "1Gi", "pods": "2",
                          "requests.cpu": "2", "requests.memory": "1Gi"}}
                """));

    JsonObject finished = first.deepCopy();
    finished.add("status", json("{\"phase\": \"Succeeded\"}"));
    cluster.state.updateStatus(finished);

    assertThat(JsonFields.object(status("compute"), "used"))
        .isEqualTo(
            json(
                """
                {"count/pods": "2", "limits.memory": "512Mi", "pods": "1",
                 "requests.cpu": "500m", "requests.memory": "512Mi"}
                """));

    cluster.state.delete("v1", "Pod", "shop", "web-2");

    assertThat(JsonFields.object(status("compute"), "used"))
        .isEqualTo(
            json(
                """
                {"count/pods": "1", "limits.memory": "0", "pods": "0",
                 "requests.cpu": "0", "requests.memory": "0"}
                """));
  }

  @Test
  void countsWhatExistsWhenAQuotaIsCreatedOrChanged() {
    cluster.create(pod("web-1", "1", "1Gi"));
    cluster.create(configMap("settings"));
    quota("compute", "\"requests.cpu\": \"4\"");

    assertThat(status("compute"))
        .isEqualTo(
            json("{\"hard\": {\"requests.cpu\": \"4\"}, \"used\": {\"requests.cpu\": \"1\"}}"));

    JsonObject quota = cluster.get("v1", "ResourceQuota", "shop", "compute");
    quota
        .getAsJsonObject("spec")
        .add("hard", json("{\"requests.memory\": \"8Gi\", \"configmaps\": \"3\"}"));
    cluster.state.update(quota);

    assertThat(status("compute"))
        .isEqualTo(
            json(
                """
                {"hard": {"configmaps": "3", "requests.memory": "8Gi"},
                 "used": {"configmaps": "1", "requests.memory": "1Gi"}}
                """));
  }

  private void quota(String name, String hard) {
    cluster.create(
        """
        {"apiVersion": "v1", "kind": "ResourceQuota",
         "metadata": {"name": "%s", "namespace": "shop"},
         "spec": {"hard": {%s}}}
        """
            .formatted(name, hard));
  }

  private JsonObject status(String quota) {
    return JsonFields.object(cluster.get("v1", "ResourceQuota", "shop", quota), "status");
  }

  private static String pod(String name, String cpu, String memory) {
    return """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "%s", "namespace": "shop"},
         "spec": {"containers": [{"name": "app", "resources": {
           "requests": {"cpu": "%s", "memory": "%s"},
           "limits": {"cpu": "%s", "memory": "%s"}}}]}}
        """
        .formatted(name, cpu, memory, cpu, memory);
  }

  private static String configMap(String name) {
    return """
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "%s", "namespace": "shop"}}
        """
        .formatted(name);
  }

  private static String deployment(String name) {
    return """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "%s", "namespace": "shop"}, "spec": {}}
        """
        .formatted(name);
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
