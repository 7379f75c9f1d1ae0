package dev.tugboat.restore.migrate.karmada;

import static dev.tugboat.restore.migrate.karmada.FakeControlPlane.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropagationPoliciesTest {

  private static final TemplateRef WEB = new TemplateRef("apps/v1", "Deployment", "shop", "web");
  private static final TemplateRef API = new TemplateRef("apps/v1", "Deployment", "shop", "api");
  private static final TemplateRef SETTINGS =
      new TemplateRef("v1", "ConfigMap", "shop", "settings");
  private static final TemplateRef DB = new TemplateRef("apps/v1", "StatefulSet", "shop-db", "db");
  private static final TemplateRef SHOP_NAMESPACE =
      new TemplateRef("v1", "Namespace", null, "shop");
  private static final TemplateRef READER =
      new TemplateRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "shop-reader");

  @Test
  void onePolicyPerNamespaceAndOneClusterPolicyWithSortedSelectorsAndNoNamespace() {
    List<JsonObject> policies =
        PropagationPolicies.forApplication(
            "m1", "shop", "member1", List.of(WEB, SHOP_NAMESPACE, DB, READER, SETTINGS, API, WEB));

    assertThat(policies)
        .containsExactly(
            json(
                """
                {"apiVersion": "policy.karmada.io/v1alpha1", "kind": "PropagationPolicy",
                 "metadata": {"name": "tugboat-shop", "namespace": "shop",
                   "labels": {"tugboat.dev/migration": "m1", "tugboat.dev/app": "shop"}},
                 "spec": {"conflictResolution": "Overwrite",
                   "placement": {"clusterAffinity": {"clusterNames": ["member1"]}},
                   "resourceSelectors": [
                     {"apiVersion": "apps/v1", "kind": "Deployment", "name": "api"},
                     {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                     {"apiVersion": "v1", "kind": "ConfigMap", "name": "settings"}]}}
                """),
            json(
                """
                {"apiVersion": "policy.karmada.io/v1alpha1", "kind": "PropagationPolicy",
                 "metadata": {"name": "tugboat-shop", "namespace": "shop-db",
                   "labels": {"tugboat.dev/migration": "m1", "tugboat.dev/app": "shop"}},
                 "spec": {"conflictResolution": "Overwrite",
                   "placement": {"clusterAffinity": {"clusterNames": ["member1"]}},
                   "resourceSelectors": [
                     {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "db"}]}}
                """),
            json(
                """
                {"apiVersion": "policy.karmada.io/v1alpha1", "kind": "ClusterPropagationPolicy",
                 "metadata": {"name": "tugboat-m1-shop",
                   "labels": {"tugboat.dev/migration": "m1", "tugboat.dev/app": "shop"}},
                 "spec": {"conflictResolution": "Overwrite",
                   "placement": {"clusterAffinity": {"clusterNames": ["member1"]}},
                   "resourceSelectors": [
                     {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                      "name": "shop-reader"}]}}
                """));
  }

  @Test
  void theOrderOfTheObjectsDoesNotChangeThePolicies() {
    List<TemplateRef> objects = new ArrayList<>(List.of(WEB, API, SETTINGS, DB, READER));
    List<JsonObject> first = PropagationPolicies.forApplication("m1", "shop", "member1", objects);
    Collections.reverse(objects);

    assertThat(PropagationPolicies.forApplication("m1", "shop", "member1", objects))
        .isEqualTo(first);
  }

  @Test
  void anApplicationWithOnlyNamespacesGetsNoPolicyRatherThanAnEmptySelectorList() {
    assertThat(PropagationPolicies.forApplication("m1", "shop", "member1", List.of(SHOP_NAMESPACE)))
        .isEmpty();
    assertThat(PropagationPolicies.forApplication("m1", "shop", "member1", List.of())).isEmpty();
  }

  @Test
  void aClusterPolicyIsMadeOnlyForClusterScopedObjectsOtherThanNamespaces() {
    List<JsonObject> policies =
        PropagationPolicies.forApplication("m1", "shop", "member1", List.of(SHOP_NAMESPACE, WEB));

    assertThat(policies).hasSize(1);
    assertThat(KarmadaTypes.describe(policies.get(0)))
        .isEqualTo("PropagationPolicy shop/tugboat-shop");
  }

  @Test
  void selectedByReadsTheSelectorsBackInThePolicysNamespace() {
    List<JsonObject> policies =
        PropagationPolicies.forApplication("m1", "shop", "member1", List.of(WEB, READER, SETTINGS));

    assertThat(PropagationPolicies.selectedBy(policies.get(0))).containsExactly(WEB, SETTINGS);
    assertThat(PropagationPolicies.selectedBy(policies.get(1))).containsExactly(READER);
  }

  @Test
  void anApplicationNameThatMakesAnInvalidPolicyNameIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> PropagationPolicies.forApplication("m1", "Shop", "member1", List.of(WEB)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "application \"Shop\" cannot get a Karmada policy: its name \"tugboat-Shop\" is not a"
                + " valid object name (a DNS-1123 subdomain: at most 253 lowercase letters,"
                + " digits, '-' and '.', starting and ending with a letter or digit)");
  }

  @Test
  void aPolicyNameLongerThan253CharactersIsRefused() {
    String longest = "a".repeat(253 - "tugboat-".length());

    assertThat(PropagationPolicies.forApplication("m1", longest, "member1", List.of(WEB)))
        .hasSize(1);
    assertThatThrownBy(
            () -> PropagationPolicies.forApplication("m1", longest + "a", "member1", List.of(WEB)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its name \"tugboat-" + longest + "a\" is not a valid object name");
  }

  @Test
  void theClusterPolicyNameIsCheckedWithTheMigrationId() {
    assertThatThrownBy(
            () -> PropagationPolicies.forApplication("M_1", "shop", "member1", List.of(READER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its name \"tugboat-M_1-shop\" is not a valid object name");
  }

  @Test
  void aBlankMemberClusterIsRefused() {
    assertThatThrownBy(() -> PropagationPolicies.forApplication("m1", "shop", " ", List.of(WEB)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Karmada policy needs a member cluster");
  }
}
