package dev.tugboat.samples.sandbox.karmada;

import static dev.tugboat.samples.sandbox.TestObjects.condition;
import static dev.tugboat.samples.sandbox.TestObjects.json;
import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Kubectl;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.TestObjects;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KarmadaControlPlaneTest {

  private static final String APPS = "apps/v1";
  private static final String POLICY = "policy.karmada.io/v1alpha1";
  private static final String WORK = "work.karmada.io/v1alpha2";
  private static final String NAMESPACE = "shop";

  @RegisterExtension
  SandboxExtension karmada =
      SandboxExtension.builder()
          .sandbox("karmada", ignored -> KarmadaControlPlane.options("member1"))
          .build();

  private ControlPlaneClient client;

  @BeforeEach
  void setUp() {
    client = new ControlPlaneClient(karmada.apiClient());
    client.create("namespaces", TestObjects.namespace(NAMESPACE));
  }

  @Test
  void eachMemberClusterIsReady() {
    List<JsonObject> clusters = client.list("cluster.karmada.io/v1alpha1", "clusters", null);

    assertThat(clusters).extracting(cluster -> meta(cluster, "name")).containsExactly("member1");
    assertThat(condition(clusters.get(0), "Ready"))
        .isEqualTo("True ClusterReady: cluster is healthy and ready to accept workloads");
  }

  @Test
  void anOverwritePolicyBindsItsDeploymentToTheMember() throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 2));
    JsonObject policy =
        client.create(
            "propagationpolicies",
            policy("web", 0, "Overwrite", "member1", deploymentSelector("\"name\":\"web\"")));
    settle();

    JsonObject template = client.require(APPS, "deployments", NAMESPACE, "web");
    String permanentId =
        policy
            .getAsJsonObject("metadata")
            .getAsJsonObject("labels")
            .get("propagationpolicy.karmada.io/permanent-id")
            .getAsString();
    assertThat(permanentId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(template.getAsJsonObject("metadata").getAsJsonObject("labels"))
        .isEqualTo(
            json(
                "{\"app\":\"web\",\"propagationpolicy.karmada.io/permanent-id\":\""
                    + permanentId
                    + "\"}"));
    assertThat(template.getAsJsonObject("metadata").getAsJsonObject("annotations"))
        .isEqualTo(
            json(
                "{\"propagationpolicy.karmada.io/name\":\"web\","
                    + "\"propagationpolicy.karmada.io/namespace\":\"shop\"}"));

    JsonObject binding = client.require(WORK, "resourcebindings", NAMESPACE, "web-deployment");
    JsonObject spec = binding.getAsJsonObject("spec");
    assertThat(spec.getAsJsonObject("resource").toString())
        .isEqualTo(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"namespace\":\"shop\","
                + "\"name\":\"web\",\"uid\":\""
                + meta(template, "uid")
                + "\",\"resourceVersion\":\""
                + meta(template, "resourceVersion")
                + "\"}");
    assertThat(spec.get("clusters").toString()).isEqualTo("[{\"name\":\"member1\"}]");
    assertThat(spec.get("conflictResolution").getAsString()).isEqualTo("Overwrite");
    assertThat(spec.get("preserveResourcesOnDeletion").getAsBoolean()).isFalse();
    assertThat(spec.getAsJsonObject("placement").toString())
        .isEqualTo("{\"clusterAffinity\":{\"clusterNames\":[\"member1\"]}}");
    assertThat(
            binding
                .getAsJsonObject("metadata")
                .getAsJsonArray("ownerReferences")
                .get(0)
                .getAsJsonObject()
                .get("uid")
                .getAsString())
        .isEqualTo(meta(template, "uid"));
    assertThat(
            binding
                .getAsJsonObject("metadata")
                .getAsJsonObject("labels")
                .get("propagationpolicy.karmada.io/permanent-id")
                .getAsString())
        .isEqualTo(permanentId);
    assertThat(condition(binding, "Scheduled"))
        .isEqualTo("True Success: Binding has been scheduled successfully.");
    assertThat(condition(binding, "FullyApplied"))
        .isEqualTo("True FullyAppliedSuccess: All works have been successfully applied");
  }

  @Test
  void aPolicyNamingAMissingClusterIsNotScheduled() throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 1));
    client.create(
        "propagationpolicies",
        policy("web", 0, "Overwrite", "member2", deploymentSelector("\"name\":\"web\"")));
    settle();

    JsonObject binding = client.require(WORK, "resourcebindings", NAMESPACE, "web-deployment");
    assertThat(binding.getAsJsonObject("spec").get("clusters").toString()).isEqualTo("[]");
    assertThat(condition(binding, "Scheduled"))
        .isEqualTo(
            "False NoClusterFit: 0/1 clusters are available: cluster member2 does not exist");
    assertThat(condition(binding, "FullyApplied"))
        .isEqualTo("False FullyAppliedFailed: the binding is not scheduled to any cluster");
  }

  @Test
  void withoutOverwriteTheRunningMemberObjectIsNotAdopted() throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 1));
    client.create(
        "propagationpolicies",
        policy("web", 0, null, "member1", deploymentSelector("\"name\":\"web\"")));
    settle();

    JsonObject binding = client.require(WORK, "resourcebindings", NAMESPACE, "web-deployment");
    assertThat(binding.getAsJsonObject("spec").get("conflictResolution").getAsString())
        .isEqualTo("Abort");
    assertThat(condition(binding, "Scheduled"))
        .isEqualTo("True Success: Binding has been scheduled successfully.");
    assertThat(condition(binding, "FullyApplied"))
        .isEqualTo(
            "False ApplyConflict: Deployment shop/web already exists in member cluster member1,"
                + " Karmada will not manage this resource (conflictResolution is not Overwrite)");
  }

  @Test
  void theTemplatesOverwriteAnnotationWinsOverThePolicy() throws InterruptedException {
    JsonObject deployment = TestObjects.deployment(NAMESPACE, "web", 1);
    deployment
        .getAsJsonObject("metadata")
        .add("annotations", json("{\"work.karmada.io/conflict-resolution\":\"overwrite\"}"));
    client.create("deployments", deployment);
    client.create(
        "propagationpolicies",
        policy("web", 0, "Abort", "member1", deploymentSelector("\"name\":\"web\"")));
    settle();

    JsonObject binding = client.require(WORK, "resourcebindings", NAMESPACE, "web-deployment");
    assertThat(condition(binding, "FullyApplied"))
        .isEqualTo("True FullyAppliedSuccess: All works have been successfully applied");
  }

  @Test
  void aLabelSelectorPicksTheLabelledObjectsOfItsKindOnly() throws InterruptedException {
    client.create("configmaps", labelled(TestObjects.configMap(NAMESPACE, "web-config"), "web"));
    client.create("configmaps", labelled(TestObjects.configMap(NAMESPACE, "db-config"), "db"));
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 1));
    client.create(
        "propagationpolicies",
        policy(
            "web",
            0,
            "Overwrite",
            "member1",
            selector("v1", "ConfigMap", "\"labelSelector\":{\"matchLabels\":{\"app\":\"web\"}}")));
    settle();

    assertThat(bindingNames()).containsExactly("web-config-configmap");
  }

  @Test
  void theHighestPriorityThenTheMostPreciseThenTheFirstNameClaimsATemplate()
      throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 1));
    client.create("deployments", TestObjects.deployment(NAMESPACE, "api", 1));
    client.create("deployments", TestObjects.deployment(NAMESPACE, "db", 1));
    // web: priority 5 wins over a name match at priority 0
    client.create(
        "propagationpolicies",
        policy("b-all", 5, "Overwrite", "member1", deploymentSelector("\"name\":\"web\"")));
    client.create(
        "propagationpolicies",
        policy("a-web", 0, "Overwrite", "member1", deploymentSelector("\"name\":\"web\"")));
    // api: at equal priority a name match wins over a label match, whatever the names
    client.create(
        "propagationpolicies",
        policy(
            "c-api-labels",
            1,
            "Overwrite",
            "member1",
            deploymentSelector("\"labelSelector\":{\"matchLabels\":{\"app\":\"api\"}}")));
    client.create(
        "propagationpolicies",
        policy("d-api-name", 1, "Overwrite", "member1", deploymentSelector("\"name\":\"api\"")));
    // db: equal priority and precision, the first name wins
    client.create(
        "propagationpolicies",
        policy("f-db", 2, "Overwrite", "member1", deploymentSelector("\"name\":\"db\"")));
    client.create(
        "propagationpolicies",
        policy("e-db", 2, "Overwrite", "member1", deploymentSelector("\"name\":\"db\"")));
    settle();

    assertThat(claimant("web")).isEqualTo("b-all");
    assertThat(claimant("api")).isEqualTo("d-api-name");
    assertThat(claimant("db")).isEqualTo("e-db");
    assertThat(bindingNames()).containsExactly("api-deployment", "db-deployment", "web-deployment");
  }

  @Test
  void deletingTheTemplateRemovesItsBinding() throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 1));
    client.create(
        "propagationpolicies",
        policy("web", 0, "Overwrite", "member1", deploymentSelector("\"name\":\"web\"")));
    settle();
    assertThat(bindingNames()).containsExactly("web-deployment");

    client.delete(APPS, "deployments", NAMESPACE, "web");
    settle();

    assertThat(bindingNames()).isEmpty();
  }

  @Test
  void deletingThePolicyRemovesItsBindingsAndItsClaim() throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 1));
    client.create("deployments", TestObjects.deployment(NAMESPACE, "api", 1));
    client.create(
        "propagationpolicies",
        policy("shop", 0, "Overwrite", "member1", deploymentSelector("\"namespace\":\"shop\"")));
    settle();
    assertThat(bindingNames()).containsExactly("api-deployment", "web-deployment");

    client.delete(POLICY, "propagationpolicies", NAMESPACE, "shop");
    settle();

    assertThat(bindingNames()).isEmpty();
    JsonObject template = client.require(APPS, "deployments", NAMESPACE, "web");
    assertThat(template.getAsJsonObject("metadata").getAsJsonObject("labels").toString())
        .isEqualTo("{\"app\":\"web\"}");
    assertThat(template.getAsJsonObject("metadata").has("annotations")).isFalse();
  }

  @Test
  void aClusterPolicyBindsClusterScopedTemplates() throws InterruptedException {
    client.create(
        "clusterroles",
        json(
            "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\","
                + "\"metadata\":{\"name\":\"reader\"},\"rules\":[]}"));
    JsonObject policy =
        client.create(
            "clusterpropagationpolicies",
            json(
                """
                {"apiVersion":"policy.karmada.io/v1alpha1","kind":"ClusterPropagationPolicy",
                 "metadata":{"name":"rbac"},
                 "spec":{"conflictResolution":"Overwrite",
                  "resourceSelectors":[{"apiVersion":"rbac.authorization.k8s.io/v1",
                   "kind":"ClusterRole","name":"reader"}],
                  "placement":{"clusterAffinity":{"clusterNames":["member1"]}}}}
                """));
    settle();

    JsonObject binding =
        client.require(WORK, "clusterresourcebindings", null, "reader-clusterrole");
    String permanentId =
        policy
            .getAsJsonObject("metadata")
            .getAsJsonObject("labels")
            .get("clusterpropagationpolicy.karmada.io/permanent-id")
            .getAsString();
    JsonObject template =
        client.require("rbac.authorization.k8s.io/v1", "clusterroles", null, "reader");
    assertThat(template.getAsJsonObject("metadata").getAsJsonObject("labels").toString())
        .isEqualTo(
            "{\"clusterpropagationpolicy.karmada.io/permanent-id\":\"" + permanentId + "\"}");
    assertThat(template.getAsJsonObject("metadata").getAsJsonObject("annotations").toString())
        .isEqualTo("{\"clusterpropagationpolicy.karmada.io/name\":\"rbac\"}");
    assertThat(binding.getAsJsonObject("spec").getAsJsonObject("resource").has("namespace"))
        .isFalse();
    assertThat(condition(binding, "FullyApplied"))
        .isEqualTo("True FullyAppliedSuccess: All works have been successfully applied");
  }

  @Test
  void aDeploymentTemplateNeverGetsAReplicaSetOrPods() throws InterruptedException {
    client.create("deployments", TestObjects.deployment(NAMESPACE, "web", 3));
    assertThat(karmada.sandbox().awaitSettled(Duration.ofSeconds(10))).isTrue();

    assertThat(client.list(APPS, "replicasets", NAMESPACE)).isEmpty();
    assertThat(client.list("v1", "pods", NAMESPACE)).isEmpty();
    assertThat(client.require(APPS, "deployments", NAMESPACE, "web").has("status")).isFalse();
  }

  @Test
  void kubectlListsPoliciesAndClusters() throws Exception {
    assumeTrue(Kubectl.available(), "kubectl is not on the PATH");
    client.create(
        "propagationpolicies",
        policy("web", 0, "Overwrite", "member1", deploymentSelector("\"name\":\"web\"")));
    Kubectl kubectl = new Kubectl(karmada.kubeconfig());

    Kubectl.Result table = kubectl.run("get", "propagationpolicies", "-n", NAMESPACE);
    Kubectl.Result policies =
        kubectl.run("get", "propagationpolicies", "-n", NAMESPACE, "-o", "name");
    Kubectl.Result byShortName = kubectl.run("get", "pp", "-n", NAMESPACE, "-o", "name");
    Kubectl.Result clusters = kubectl.run("get", "clusters", "-o", "name");

    assertThat(table.err()).isEmpty();
    assertThat(table.out().lines().toList())
        .hasSize(2)
        .satisfies(lines -> assertThat(lines.get(0)).matches("NAME +AGE"))
        .satisfies(lines -> assertThat(lines.get(1)).matches("web +\\d+s"));
    assertThat(policies.err()).isEmpty();
    assertThat(policies.out()).isEqualTo("propagationpolicy.policy.karmada.io/web\n");
    assertThat(byShortName.out()).isEqualTo("propagationpolicy.policy.karmada.io/web\n");
    assertThat(clusters.out()).isEqualTo("cluster.cluster.karmada.io/member1\n");
  }

  private void settle() throws InterruptedException {
    assertThat(karmada.sandbox().awaitControllersIdle(Duration.ofSeconds(10))).isTrue();
  }

  private List<String> bindingNames() {
    return client.list(WORK, "resourcebindings", NAMESPACE).stream()
        .map(binding -> meta(binding, "name"))
        .toList();
  }

  private String claimant(String deployment) {
    return client
        .require(APPS, "deployments", NAMESPACE, deployment)
        .getAsJsonObject("metadata")
        .getAsJsonObject("annotations")
        .get("propagationpolicy.karmada.io/name")
        .getAsString();
  }

  private static JsonObject labelled(JsonObject object, String app) {
    object.getAsJsonObject("metadata").add("labels", json("{\"app\":\"" + app + "\"}"));
    return object;
  }

  /** A resource selector of Deployments with more fields, e.g. {@code "name":"web"}. */
  private static String deploymentSelector(String fields) {
    return selector("apps/v1", "Deployment", fields);
  }

  private static String selector(String apiVersion, String kind, String fields) {
    return "{\"apiVersion\":\"%s\",\"kind\":\"%s\",%s}".formatted(apiVersion, kind, fields);
  }

  /**
   * A PropagationPolicy in {@value #NAMESPACE}.
   *
   * @param conflictResolution null to leave it to Karmada's default
   */
  private static JsonObject policy(
      String name, int priority, String conflictResolution, String cluster, String selector) {
    JsonObject policy =
        json(
            """
            {"apiVersion":"policy.karmada.io/v1alpha1","kind":"PropagationPolicy",
             "metadata":{"name":"%s","namespace":"%s"},
             "spec":{"priority":%d,"resourceSelectors":[%s],
              "placement":{"clusterAffinity":{"clusterNames":["%s"]}}}}
            """
                .formatted(name, NAMESPACE, priority, selector, cluster));
    if (conflictResolution != null) {
      policy.getAsJsonObject("spec").addProperty("conflictResolution", conflictResolution);
    }
    return policy;
  }
}
