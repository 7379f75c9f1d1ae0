package dev.tugboat.restore.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  private static final JsonObject LIVE =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop", "generateName": "settings-",
             "uid": "u-1", "resourceVersion": "42", "generation": 3,
             "creationTimestamp": "2024-01-01T00:00:00Z", "selfLink": "/api/v1/x",
             "deletionTimestamp": "2024-01-02T00:00:00Z", "deletionGracePeriodSeconds": 30,
             "managedFields": [{"manager": "kubectl"}],
             "ownerReferences": [{"kind": "Shop", "name": "main", "uid": "o-1"}],
             "finalizers": ["shop/cleanup"],
             "labels": {"app": "shop", "velero.io/backup-name": "b1",
                        "velero.io/restore-name": "r1"},
             "annotations": {"note": "kept"}},
           "data": {"color": "blue"},
           "status": {"phase": "Ready"}}
          """);

  @Test
  void withoutServerFieldsKeepsWhatTheRestoreWritesAndTheRestoreLabels() {
    assertThat(Normaliser.withoutServerFields(LIVE))
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "settings", "namespace": "shop",
                   "finalizers": ["shop/cleanup"],
                   "labels": {"app": "shop", "velero.io/backup-name": "b1",
                              "velero.io/restore-name": "r1"},
                   "annotations": {"note": "kept"}},
                 "data": {"color": "blue"}}
                """));
  }

  @Test
  void forComparisonAlsoDropsTheRestoreLabels() {
    assertThat(Normaliser.forComparison(LIVE))
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "settings", "namespace": "shop",
                   "finalizers": ["shop/cleanup"], "labels": {"app": "shop"},
                   "annotations": {"note": "kept"}},
                 "data": {"color": "blue"}}
                """));
  }

  @Test
  void forComparisonDropsLabelsLeftEmpty() {
    JsonObject onlyRestoreLabels =
        json(
            """
            {"metadata": {"name": "a", "labels": {"velero.io/restore-name": "r1"}}}
            """);

    assertThat(Normaliser.forComparison(onlyRestoreLabels))
        .isEqualTo(json("{\"metadata\": {\"name\": \"a\"}}"));
  }

  @Test
  void neverChangesItsInput() {
    JsonObject before = LIVE.deepCopy();

    Normaliser.forComparison(LIVE);

    assertThat(LIVE).isEqualTo(before);
  }

  /** A Service as the transforms make it: no cluster IPs, the assigned node port of http gone. */
  private static final JsonObject DESIRED_SERVICE =
      json(
          """
          {"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": "web", "namespace": "shop"},
           "spec": {"type": "LoadBalancer", "externalTrafficPolicy": "Local",
             "ipFamilyPolicy": "PreferDualStack",
             "ports": [{"name": "http", "port": 80},
                       {"name": "admin", "port": 9090, "nodePort": 30900}]}}
          """);

  /** That Service restored earlier, with what the target cluster assigned to it. */
  private static final JsonObject LIVE_SERVICE =
      json(
          """
          {"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": "web", "namespace": "shop", "uid": "u-2"},
           "spec": {"type": "LoadBalancer", "externalTrafficPolicy": "Local",
             "clusterIP": "10.96.0.12", "clusterIPs": ["10.96.0.12"],
             "healthCheckNodePort": 32000, "ipFamilies": ["IPv4"],
             "ipFamilyPolicy": "PreferDualStack", "internalTrafficPolicy": "Cluster",
             "ports": [{"name": "http", "port": 80, "nodePort": 31234},
                       {"name": "admin", "port": 9090, "nodePort": 30900}]},
           "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.7"}]}}}
          """);

  @Test
  void withoutAssignedValuesDropsWhatTheServerAssignedToAServiceWhereDesiredLeavesItOut() {
    JsonObject changed =
        json(
            """
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "uid": "u-2"},
             "spec": {"type": "LoadBalancer", "externalTrafficPolicy": "Local",
               "clusterIP": "10.96.0.12", "clusterIPs": ["10.96.0.12"],
               "healthCheckNodePort": 32000, "ipFamilies": ["IPv4"],
               "ipFamilyPolicy": "SingleStack", "internalTrafficPolicy": "Cluster",
               "ports": [{"name": "admin", "port": 9090, "nodePort": 30901},
                         {"name": "http", "port": 80, "nodePort": 31234}]}}
            """);

    assertThat(Normaliser.withoutAssignedValues(changed, DESIRED_SERVICE))
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "uid": "u-2"},
                 "spec": {"type": "LoadBalancer", "externalTrafficPolicy": "Local",
                   "ipFamilyPolicy": "SingleStack",
                   "ports": [{"name": "admin", "port": 9090, "nodePort": 30901},
                             {"name": "http", "port": 80}]}}
                """));
  }

  @Test
  void withoutAssignedValuesMatchesUnnamedPortsByPosition() {
    JsonObject desired =
        json(
            """
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
             "spec": {"ports": [{"port": 80}]}}
            """);
    JsonObject live =
        json(
            """
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
             "spec": {"ports": [{"port": 80, "nodePort": 31234},
                                {"port": 81, "nodePort": 31235}]}}
            """);

    assertThat(Normaliser.withoutAssignedValues(live, desired))
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                 "spec": {"ports": [{"port": 80}, {"port": 81, "nodePort": 31235}]}}
                """));
  }

  @Test
  void sameObjectIgnoresTheAssignedValuesOfAServiceRestoredEarlier() {
    assertThat(Normaliser.sameObject(LIVE_SERVICE, DESIRED_SERVICE)).isTrue();
  }

  @Test
  void sameObjectComparesTheValuesDesiredStates() {
    JsonObject otherPolicy = LIVE_SERVICE.deepCopy();
    otherPolicy.getAsJsonObject("spec").addProperty("ipFamilyPolicy", "SingleStack");
    JsonObject otherAdminPort = LIVE_SERVICE.deepCopy();
    otherAdminPort
        .getAsJsonObject("spec")
        .getAsJsonArray("ports")
        .get(1)
        .getAsJsonObject()
        .addProperty("nodePort", 30901);

    assertThat(Normaliser.sameObject(otherPolicy, DESIRED_SERVICE)).isFalse();
    assertThat(Normaliser.sameObject(otherAdminPort, DESIRED_SERVICE)).isFalse();
  }

  @Test
  void sameObjectComparesAStatedClusterIp() {
    JsonObject desired = DESIRED_SERVICE.deepCopy();
    desired.getAsJsonObject("spec").addProperty("clusterIP", "10.96.0.99");
    JsonObject liveWithThatIp = LIVE_SERVICE.deepCopy();
    liveWithThatIp.getAsJsonObject("spec").addProperty("clusterIP", "10.96.0.99");

    assertThat(Normaliser.sameObject(liveWithThatIp, desired)).isTrue();
    assertThat(Normaliser.sameObject(LIVE_SERVICE, desired)).isFalse();
  }

  @Test
  void sameObjectIgnoresTheVolumeNameABoundClaimGotOnlyWhenDesiredLeavesItOut() {
    JsonObject desired =
        json(
            """
            {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
             "metadata": {"name": "data", "namespace": "shop"},
             "spec": {"resources": {"requests": {"storage": "1Gi"}}}}
            """);
    JsonObject live = desired.deepCopy();
    live.getAsJsonObject("spec").addProperty("volumeName", "pvc-1234");
    JsonObject desiredWithVolume = desired.deepCopy();
    desiredWithVolume.getAsJsonObject("spec").addProperty("volumeName", "pv-old");

    assertThat(Normaliser.sameObject(live, desired)).isTrue();
    assertThat(Normaliser.sameObject(live, desiredWithVolume)).isFalse();
  }

  @Test
  void sameObjectKeepsTheFieldsOfAKindOfTheSameNameInAnotherGroup() {
    JsonObject desired =
        json(
            """
            {"apiVersion": "serving.knative.dev/v1", "kind": "Service",
             "metadata": {"name": "web"}, "spec": {}}
            """);
    JsonObject live = desired.deepCopy();
    live.getAsJsonObject("spec").addProperty("clusterIP", "10.96.0.12");

    assertThat(Normaliser.sameObject(live, desired)).isFalse();
  }

  @Test
  void sameObjectIgnoresServerFieldsAndRestoreLabels() {
    JsonObject desired = Normaliser.withoutServerFields(LIVE);
    desired.getAsJsonObject("metadata").getAsJsonObject("labels").remove("velero.io/backup-name");

    assertThat(Normaliser.sameObject(LIVE, desired)).isTrue();
  }

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
