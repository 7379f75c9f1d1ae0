package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.json.JsonPaths;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTransformerTest {

  private final ItemTransformer transformer = new ItemTransformer();

  private static final String DEPLOYMENT =
      """
      {'apiVersion':'apps/v1','kind':'Deployment',
       'metadata':{'name':'web','namespace':'shop','generateName':'web-','selfLink':'/x',
         'uid':'u-1','resourceVersion':'42','generation':3,'creationTimestamp':'2026-01-01T00:00:00Z',
         'deletionTimestamp':'2026-01-02T00:00:00Z','deletionGracePeriodSeconds':30,
         'ownerReferences':[{'kind':'App','name':'a','uid':'u-0'}],
         'labels':{'app':'web'},'annotations':{'note':'kept'},'finalizers':['example.com/f'],
         'managedFields':[{'manager':'kubectl','operation':'Apply'}]},
       'spec':{'replicas':2},
       'status':{'readyReplicas':2}}
      """;

  @Test
  void resetsServerSetMetadataDropsStatusAndAddsTheRestoreLabels() {
    Transformed result = transformer.transform("deployments.apps", json(DEPLOYMENT), context());

    assertThat(result)
        .isEqualTo(
            new Transformed.Create(
                json(
                    """
                    {'apiVersion':'apps/v1','kind':'Deployment',
                     'metadata':{'name':'web','namespace':'shop',
                       'labels':{'app':'web','velero.io/backup-name':'b1','velero.io/restore-name':'r1'},
                       'annotations':{'note':'kept'},'finalizers':['example.com/f'],
                       'managedFields':[{'manager':'kubectl','operation':'Apply'}]},
                     'spec':{'replicas':2}}
                    """),
                Optional.of("shop"),
                Optional.empty()));
  }

  @Test
  void neverChangesTheBackedUpObject() {
    var item = json(DEPLOYMENT);

    transformer.transform("deployments.apps", item, context(Map.of("shop", "shop2")));

    assertThat(item).isEqualTo(json(DEPLOYMENT));
  }

  @Test
  void movesANamespacedObjectToItsMappedNamespace() {
    var result =
        (Transformed.Create)
            transformer.transform(
                "configmaps",
                json("{'kind':'ConfigMap','metadata':{'name':'c','namespace':'shop'}}"),
                context(Map.of("shop", "shop-copy")));

    assertThat(result.targetNamespace()).contains("shop-copy");
    assertThat(result.object())
        .isEqualTo(
            json(
                """
                {'kind':'ConfigMap','metadata':{'name':'c','namespace':'shop-copy',
                 'labels':{'velero.io/backup-name':'b1','velero.io/restore-name':'r1'}}}
                """));
  }

  @Test
  void keepsTheNamespaceOfAnUnmappedNamespaceAndHasNoneForAClusterScopedObject() {
    var mapping = context(Map.of("other", "other2"));

    var namespaced =
        (Transformed.Create)
            transformer.transform(
                "configmaps", json("{'metadata':{'name':'c','namespace':'shop'}}"), mapping);
    var clusterScoped =
        (Transformed.Create)
            transformer.transform(
                "clusterroles.rbac.authorization.k8s.io",
                json("{'metadata':{'name':'r'}}"),
                mapping);

    assertThat(namespaced.targetNamespace()).contains("shop");
    assertThat(JsonPaths.string(namespaced.object(), "metadata", "namespace")).contains("shop");
    assertThat(clusterScoped.targetNamespace()).isEmpty();
    assertThat(clusterScoped.object().getAsJsonObject("metadata").has("namespace")).isFalse();
  }

  @Test
  void renamesAMappedNamespaceObjectAndLeavesOthers() {
    var mapping = context(Map.of("shop", "shop-copy"));
    var namespace =
        json(
            """
            {'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop','uid':'u',
             'labels':{'team':'a'}},'spec':{'finalizers':['kubernetes']},'status':{'phase':'Active'}}
            """);

    var renamed = (Transformed.Create) transformer.transform("namespaces", namespace, mapping);
    var other =
        (Transformed.Create)
            transformer.transform("namespaces", json("{'metadata':{'name':'blog'}}"), mapping);

    assertThat(renamed.object())
        .isEqualTo(
            json(
                """
                {'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop-copy',
                 'labels':{'team':'a','velero.io/backup-name':'b1','velero.io/restore-name':'r1'}},
                 'spec':{'finalizers':['kubernetes']}}
                """));
    assertThat(renamed.targetNamespace()).isEmpty();
    assertThat(JsonPaths.string(other.object(), "metadata", "name")).contains("blog");
  }

  @Test
  void labelsCarryValidValuesOfLongBackupAndRestoreNames() {
    var context =
        new RestoreContext(
            "nightly-backup-of-the-production-payments-namespace-20261120-013000",
            "r1",
            Map.of(),
            Set.of(),
            false,
            ExistingServiceAccounts.NONE,
            VolumePlan.none());

    var result =
        (Transformed.Create)
            transformer.transform(
                "configmaps",
                json(
                    "{'metadata':{'name':'c','namespace':'n','labels':{'velero.io/restore-name':'old'}}}"),
                context);

    assertThat(result.object().getAsJsonObject("metadata").getAsJsonObject("labels"))
        .isEqualTo(
            json(
                """
                {'velero.io/backup-name':'nightly-backup-of-the-production-payments-namespace-202611a7c52',
                 'velero.io/restore-name':'r1'}
                """));
  }

  @Test
  void keepsTheStatusOfTheListedResourcesForUpdateStatus() {
    var context =
        new RestoreContext(
            "b1",
            "r1",
            Map.of(),
            Set.of("deployments.apps"),
            false,
            ExistingServiceAccounts.NONE,
            VolumePlan.none());

    var result =
        (Transformed.Create) transformer.transform("deployments.apps", json(DEPLOYMENT), context);

    assertThat(result.status()).contains(json("{'readyReplicas':2}"));
    assertThat(result.object().has("status")).isFalse();
  }

  @Test
  void thePerObjectAnnotationOverridesTheRestoresStatusDecision() {
    var listed =
        new RestoreContext(
            "b1",
            "r1",
            Map.of(),
            Set.of("widgets.example.com"),
            false,
            ExistingServiceAccounts.NONE,
            VolumePlan.none());
    String template =
        "{'metadata':{'name':'w','annotations':{'velero.io/restore-status':'%s'}},'status':{'ok':true}}";

    assertThat(statusOf("widgets.example.com", template.formatted(" FALSE "), listed)).isEmpty();
    assertThat(statusOf("gadgets.example.com", template.formatted("True"), listed))
        .contains(json("{'ok':true}"));
    assertThat(statusOf("widgets.example.com", template.formatted("yes"), listed))
        .contains(json("{'ok':true}"));
    assertThat(statusOf("gadgets.example.com", template.formatted("yes"), listed)).isEmpty();
  }

  @Test
  void aSkippingActionSkipsTheItem() {
    var tokenSecret =
        json(
            """
            {'metadata':{'name':'app-token-x','namespace':'n',
              'annotations':{'kubernetes.io/service-account.name':'app'}},
             'type':'kubernetes.io/service-account-token'}
            """);
    var accountExists =
        new RestoreContext(
            "b1", "r1", Map.of(), Set.of(), false, ns -> Set.of("app"), VolumePlan.none());

    assertThat(transformer.transform("secrets", tokenSecret, accountExists))
        .isEqualTo(
            new Transformed.Skip(
                "token secret of the existing ServiceAccount app, generated by Kubernetes"));
  }

  @Test
  void actionsRunOnlyForTheirGroupResource() {
    // A custom resource named like a pod keeps the fields the Pod action would clear.
    var pod =
        json("{'metadata':{'name':'p','namespace':'n'},'spec':{'nodeName':'node-1','priority':5}}");

    var result = (Transformed.Create) transformer.transform("pods.example.com", pod, context());

    assertThat(result.object().get("spec")).isEqualTo(json("{'nodeName':'node-1','priority':5}"));
  }

  @Test
  void anObjectWithoutMetadataIsRefusedWithItsResourceNamed() {
    assertThatThrownBy(
            () -> transformer.transform("configmaps", json("{'kind':'ConfigMap'}"), context()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configmaps <unnamed> has no metadata object");
  }

  private Optional<com.google.gson.JsonObject> statusOf(
      String groupResource, String item, RestoreContext context) {
    return ((Transformed.Create) transformer.transform(groupResource, json(item), context))
        .status();
  }
}
