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

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
