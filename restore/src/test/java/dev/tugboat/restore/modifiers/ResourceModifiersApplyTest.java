package dev.tugboat.restore.modifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ResourceModifiersApplyTest {

  private static final JsonObject PVC =
      json(
          """
          {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
           "metadata": {"name": "mysql-data", "namespace": "shop",
                        "labels": {"app": "mysql", "tier": "db"}},
           "spec": {"storageClassName": "standard", "resources": {"requests": {"storage": "1Gi"}}}}
          """);

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  /** One rule with these conditions, setting the storage class to "premium". */
  private static ResourceModifiers premiumWhen(String conditions) {
    return ResourceModifiers.parse(
        """
        version: v1
        resourceModifierRules:
        - conditions:
        %s
          patches:
          - {operation: replace, path: /spec/storageClassName, value: premium}
        """
            .formatted(conditions.indent(4).stripTrailing()));
  }

  private static String storageClassAfter(ResourceModifiers modifiers, String groupResource) {
    ModifiedItem result = modifiers.apply(groupResource, PVC);
    assertThat(result.errors()).isEmpty();
    return result.item().getAsJsonObject("spec").get("storageClassName").getAsString();
  }

  @Test
  void groupResourceMatchesExactlyOrByGlob() {
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: persistentvolumeclaims"), "persistentvolumeclaims"))
        .isEqualTo("premium");
    assertThat(storageClassAfter(premiumWhen("groupResource: pods"), "persistentvolumeclaims"))
        .isEqualTo("standard");
    assertThat(storageClassAfter(premiumWhen("groupResource: '*.apps'"), "deployments.apps"))
        .isEqualTo("premium");
    assertThat(storageClassAfter(premiumWhen("groupResource: '*.apps'"), "persistentvolumeclaims"))
        .isEqualTo("standard");
    assertThat(storageClassAfter(premiumWhen("groupResource: '*'"), "persistentvolumeclaims"))
        .isEqualTo("premium");
    // As Velero's docs say, '*' is the core group only: '.' separates, and '*' stops at it.
    assertThat(storageClassAfter(premiumWhen("groupResource: '*'"), "deployments.apps"))
        .isEqualTo("standard");
    assertThat(storageClassAfter(premiumWhen("groupResource: '*.*'"), "deployments.apps"))
        .isEqualTo("premium");
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '{pods,persistentvolumeclaims}'"),
                "persistentvolumeclaims"))
        .isEqualTo("premium");
  }

  @Test
  void namespacesMatchByGlobAndIgnoreClusterScopedItems() {
    String rule = "groupResource: '*'\nnamespaces: [other, 'sh*']";
    assertThat(storageClassAfter(premiumWhen(rule), "persistentvolumeclaims")).isEqualTo("premium");
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '*'\nnamespaces: [other]"), "persistentvolumeclaims"))
        .isEqualTo("standard");
    JsonObject clusterScoped = PVC.deepCopy();
    clusterScoped.getAsJsonObject("metadata").remove("namespace");
    ModifiedItem result =
        premiumWhen("groupResource: '*'\nnamespaces: [other]")
            .apply("persistentvolumes", clusterScoped);
    assertThat(result.item().getAsJsonObject("spec").get("storageClassName").getAsString())
        .isEqualTo("premium");
  }

  @Test
  void resourceNameRegexIsSearchedNotAnchored() {
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '*'\nresourceNameRegex: '^mysql'"),
                "persistentvolumeclaims"))
        .isEqualTo("premium");
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '*'\nresourceNameRegex: 'data'"),
                "persistentvolumeclaims"))
        .isEqualTo("premium");
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '*'\nresourceNameRegex: '^data'"),
                "persistentvolumeclaims"))
        .isEqualTo("standard");
  }

  @Test
  void labelSelectorUsesMatchLabelsAndMatchExpressions() {
    assertThat(
            storageClassAfter(
                premiumWhen(
                    """
                    groupResource: '*'
                    labelSelector:
                      matchLabels: {app: mysql}
                      matchExpressions:
                      - {key: tier, operator: In, values: [db, cache]}
                      - {key: legacy, operator: DoesNotExist}
                    """),
                "persistentvolumeclaims"))
        .isEqualTo("premium");
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '*'\nlabelSelector: {matchLabels: {app: postgres}}"),
                "persistentvolumeclaims"))
        .isEqualTo("standard");
    assertThat(
            storageClassAfter(
                premiumWhen(
                    "groupResource: '*'\n"
                        + "labelSelector: {matchExpressions: [{key: tier, operator: NotIn,"
                        + " values: [db]}]}"),
                "persistentvolumeclaims"))
        .isEqualTo("standard");
  }

  @Test
  void matchesCompareFieldValuesAndTreatMissingPathsAsNoMatch() {
    assertThat(
            storageClassAfter(
                premiumWhen(
                    "groupResource: '*'\n"
                        + "matches: [{path: /spec/resources/requests/storage, value: 1Gi}]"),
                "persistentvolumeclaims"))
        .isEqualTo("premium");
    assertThat(
            storageClassAfter(
                premiumWhen(
                    "groupResource: '*'\nmatches: [{path: /spec/storageClassName, value: gold}]"),
                "persistentvolumeclaims"))
        .isEqualTo("standard");
    assertThat(
            storageClassAfter(
                premiumWhen("groupResource: '*'\nmatches: [{path: /spec/volumeName, value: pv1}]"),
                "persistentvolumeclaims"))
        .isEqualTo("standard");
  }

  @Test
  void jsonPatchAppliesEveryOperationWithTypedValues() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              patches:
              - {operation: replace, path: /spec/replicas, value: "1"}
              - {operation: add, path: /metadata/labels/restored, value: '"true"'}
              - {operation: add, path: /metadata/labels/app.kubernetes.io~1part-of, value: shop}
              - {operation: remove, path: /metadata/annotations/old}
              - {operation: add, path: /spec/template/spec/containers/0,
                 value: '{"name": "sidecar", "image": "proxy:1"}'}
              - {operation: copy, from: /spec/template/spec/containers/1/image,
                 path: /metadata/annotations/main-image}
              - {operation: move, from: /spec/paused, path: /spec/wasPaused}
              - {operation: add, path: /spec/template/spec/containers/-, value: '{"name": "last"}'}
              - {operation: test, path: /spec/replicas, value: "1"}
            """);
    JsonObject deployment =
        json(
            """
            {"metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"},
                          "annotations": {"old": "x"}},
             "spec": {"replicas": 3, "paused": true,
                      "template": {"spec": {"containers": [{"name": "web", "image": "web:2"}]}}}}
            """);

    ModifiedItem result = modifiers.apply("deployments.apps", deployment);

    assertThat(result.errors()).isEmpty();
    assertThat(result.item())
        .isEqualTo(
            json(
                """
                {"metadata": {"name": "web", "namespace": "shop",
                              "labels": {"app": "web", "restored": "true",
                                         "app.kubernetes.io/part-of": "shop"},
                              "annotations": {"main-image": "web:2"}},
                 "spec": {"replicas": 1, "wasPaused": true,
                          "template": {"spec": {"containers": [
                            {"name": "sidecar", "image": "proxy:1"},
                            {"name": "web", "image": "web:2"},
                            {"name": "last"}]}}}}
                """));
    assertThat(deployment.getAsJsonObject("spec").get("replicas").getAsInt())
        .as("the input is not modified")
        .isEqualTo(3);
  }

  @Test
  void failingTestOperationSkipsTheWholeRuleWithoutError() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumeclaims}
              patches:
              - {operation: add, path: /metadata/labels/touched, value: "yes"}
              - {operation: test, path: /spec/storageClassName, value: premium}
              - {operation: replace, path: /spec/storageClassName, value: standard-ssd}
            """);

    ModifiedItem result = modifiers.apply("persistentvolumeclaims", PVC);

    assertThat(result.errors()).isEmpty();
    assertThat(result.item()).isEqualTo(PVC);
  }

  @Test
  void failingOperationIsReportedAndLaterRulesStillApply() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumeclaims}
              patches:
              - {operation: add, path: /metadata/labels/touched, value: "yes"}
              - {operation: replace, path: /spec/volumeName, value: pv-1}
            - conditions: {groupResource: persistentvolumeclaims}
              patches:
              - {operation: replace, path: /spec/storageClassName, value: premium}
            """);

    ModifiedItem result = modifiers.apply("persistentvolumeclaims", PVC);

    assertThat(result.errors())
        .containsExactly(
            "resource modifier rule 0 failed on persistentvolumeclaims shop/mysql-data: JSON Patch"
                + " operation 'replace' at /spec/volumeName: /spec/volumeName is missing");
    JsonObject expected = PVC.deepCopy();
    expected.getAsJsonObject("spec").addProperty("storageClassName", "premium");
    assertThat(result.item()).isEqualTo(expected);
  }

  @Test
  void rulesApplyInOrderAndMatchTheOriginalItem() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumeclaims}
              patches: [{operation: replace, path: /spec/storageClassName, value: first}]
            - conditions:
                groupResource: persistentvolumeclaims
                matches: [{path: /spec/storageClassName, value: standard}]
              patches: [{operation: replace, path: /spec/storageClassName, value: second}]
            - conditions:
                groupResource: persistentvolumeclaims
                matches: [{path: /spec/storageClassName, value: first}]
              patches: [{operation: replace, path: /spec/storageClassName, value: never}]
            """);

    ModifiedItem result = modifiers.apply("persistentvolumeclaims", PVC);

    assertThat(result.item().getAsJsonObject("spec").get("storageClassName").getAsString())
        .isEqualTo("second");
  }

  @Test
  void mergePatchMergesObjectsRemovesNullsAndReplacesLists() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: pods}
              mergePatches:
              - patchData: |
                  {"metadata": {"labels": {"tier": null, "restored": "yes"}}}
              - patchData: |
                  spec:
                    containers:
                    - name: web
                      image: web:3
            """);
    JsonObject pod =
        json(
            """
            {"metadata": {"name": "p", "labels": {"app": "web", "tier": "front"}},
             "spec": {"containers": [{"name": "web", "image": "web:2", "ports": [{"containerPort": 80}]},
                                     {"name": "log", "image": "log:1"}]}}
            """);

    assertThat(modifiers.apply("pods", pod).item())
        .isEqualTo(
            json(
                """
                {"metadata": {"name": "p", "labels": {"app": "web", "restored": "yes"}},
                 "spec": {"containers": [{"name": "web", "image": "web:3"}]}}
                """));
  }

  @Test
  void strategicPatchMergesNestedContainerListsByName() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              strategicPatches:
              - patchData: |
                  spec:
                    template:
                      spec:
                        containers:
                        - name: web
                          image: web:3
                          env:
                          - {name: MODE, value: restored}
                          ports:
                          - {containerPort: 8443, name: https}
                        - name: log
                          $patch: delete
                        - name: proxy
                          image: proxy:1
                        tolerations:
                        - {key: dedicated, operator: Exists}
            """);
    JsonObject deployment =
        json(
            """
            {"metadata": {"name": "web"},
             "spec": {"template": {"spec": {
               "containers": [
                 {"name": "web", "image": "web:2",
                  "env": [{"name": "MODE", "value": "live"}, {"name": "LEVEL", "value": "3"}],
                  "ports": [{"containerPort": 8080, "name": "http"}]},
                 {"name": "log", "image": "log:1"},
                 {"name": "metrics", "image": "metrics:1"}],
               "tolerations": [{"key": "old", "operator": "Exists"}]}}}}
            """);

    ModifiedItem result = modifiers.apply("deployments.apps", deployment);

    assertThat(result.errors()).isEmpty();
    assertThat(result.item())
        .isEqualTo(
            json(
                """
                {"metadata": {"name": "web"},
                 "spec": {"template": {"spec": {
                   "containers": [
                     {"name": "web", "image": "web:3",
                      "env": [{"name": "MODE", "value": "restored"}, {"name": "LEVEL", "value": "3"}],
                      "ports": [{"containerPort": 8443, "name": "https"},
                                {"containerPort": 8080, "name": "http"}]},
                     {"name": "proxy", "image": "proxy:1"},
                     {"name": "metrics", "image": "metrics:1"}],
                   "tolerations": [{"key": "dedicated", "operator": "Exists"}]}}}}
                """));
  }

  @Test
  void strategicPatchPutsNewElementsFirstLikeKubectl() {
    // kubectl patch with a new container puts it before the existing ones.
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: pods}
              strategicPatches:
              - patchData: '{"spec": {"containers": [{"name": "new", "image": "n:1"}]}}'
            """);
    JsonObject pod = json("{\"spec\": {\"containers\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}}");

    assertThat(modifiers.apply("pods", pod).item())
        .isEqualTo(
            json(
                "{\"spec\": {\"containers\": [{\"name\": \"new\", \"image\": \"n:1\"},"
                    + " {\"name\": \"a\"}, {\"name\": \"b\"}]}}"));
  }

  @Test
  void strategicPatchReplaceAndDeleteDirectivesOnObjectsAndNulls() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: pods}
              strategicPatches:
              - patchData: |
                  metadata:
                    labels: {$patch: replace, only: this}
                    annotations: {$patch: delete}
                  spec:
                    nodeSelector: null
            """);
    JsonObject pod =
        json(
            """
            {"metadata": {"labels": {"a": "1", "b": "2"}, "annotations": {"x": "y"}},
             "spec": {"nodeSelector": {"disk": "ssd"}, "hostname": "h"}}
            """);

    assertThat(modifiers.apply("pods", pod).item())
        .isEqualTo(
            json(
                """
                {"metadata": {"labels": {"only": "this"}, "annotations": {}},
                 "spec": {"hostname": "h"}}
                """));
  }

  @Test
  void strategicPatchElementWithoutMergeKeyIsReported() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: pods}
              strategicPatches:
              - patchData: '{"spec": {"containers": [{"image": "x"}]}}'
            """);
    JsonObject pod =
        json("{\"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": [{\"name\": \"a\"}]}}");

    ModifiedItem result = modifiers.apply("pods", pod);

    assertThat(result.errors())
        .containsExactly(
            "resource modifier rule 0 failed on pods p: strategic merge patch: an element of"
                + " spec.containers has no merge key 'name'");
    assertThat(result.item()).isEqualTo(pod);
  }
}
