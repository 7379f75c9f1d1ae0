package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The backup ServiceAccount reads everything it is granted and nothing more: no Secret unless
 * {@code tugboat-backup-secrets} is bound on purpose, and no write.
 */
class BackupRoleTest {

  private static final String AGGREGATE_LABEL = "tugboat.dev/aggregate-to-backup";

  /** A rule flattened: one group, one resource, one verb. */
  record Grant(String group, String resource, String verb) {}

  @Test
  void theBackupRoleGrantsNoAccessToSecrets() {
    List<Grant> grants = backupGrants();

    assertThat(grants).isNotEmpty();
    // a wildcard would include secrets (and anything added later)
    assertThat(grants)
        .noneMatch(grant -> grant.group().equals("*") || grant.resource().contains("*"));
    assertThat(grants)
        .noneMatch(grant -> grant.group().isEmpty() && grant.resource().equals("secrets"));
  }

  @Test
  void theBackupRoleOnlyReads() {
    assertThat(backupGrants()).allMatch(grant -> Set.of("get", "list").contains(grant.verb()));
  }

  @Test
  void theBackupRoleReadsTheCoreWorkloadTypes() {
    assertThat(backupGrants())
        .contains(
            new Grant("", "configmaps", "list"),
            new Grant("", "namespaces", "list"),
            new Grant("", "persistentvolumes", "list"),
            new Grant("apps", "deployments", "list"),
            new Grant("batch", "cronjobs", "list"),
            new Grant("apiextensions.k8s.io", "customresourcedefinitions", "list"));
  }

  @Test
  void secretsAreGrantedOnlyByTheirOwnRoleWhichIsNotAggregated() {
    JsonObject secrets = Manifests.object("ClusterRole", "tugboat-backup-secrets");

    assertThat(grants(secrets))
        .containsExactly(new Grant("", "secrets", "get"), new Grant("", "secrets", "list"));
    assertThat(Manifests.at(secrets, "metadata", "labels").getAsJsonObject().has(AGGREGATE_LABEL))
        .isFalse();
  }

  @Test
  void theAggregatedRoleSelectsTheBuiltinRole() {
    JsonObject aggregated = Manifests.object("ClusterRole", "tugboat-backup");
    JsonObject selector =
        aggregated
            .getAsJsonObject("aggregationRule")
            .getAsJsonArray("clusterRoleSelectors")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("matchLabels");

    assertThat(selector.get(AGGREGATE_LABEL).getAsString()).isEqualTo("true");
    assertThat(aggregatedRoles())
        .extracting(role -> Manifests.string(role, "metadata", "name"))
        .containsExactly("tugboat-backup-builtin");
  }

  /** The grants of tugboat-backup: its own rules and those of every role it aggregates. */
  private static List<Grant> backupGrants() {
    List<Grant> grants = new ArrayList<>(grants(Manifests.object("ClusterRole", "tugboat-backup")));
    for (JsonObject role : aggregatedRoles()) {
      grants.addAll(grants(role));
    }
    return grants;
  }

  /** Every ClusterRole of the manifests labelled for aggregation into tugboat-backup. */
  private static List<JsonObject> aggregatedRoles() {
    return Manifests.all().stream()
        .filter(document -> "ClusterRole".equals(Manifests.string(document, "kind")))
        .filter(
            role -> "true".equals(Manifests.string(role, "metadata", "labels", AGGREGATE_LABEL)))
        .toList();
  }

  private static List<Grant> grants(JsonObject role) {
    List<Grant> grants = new ArrayList<>();
    for (JsonElement element : role.getAsJsonArray("rules")) {
      JsonObject rule = element.getAsJsonObject();
      // a rule of non-resource URLs has no apiGroups; it would be no Secret either way
      if (!rule.has("apiGroups")) {
        continue;
      }
      for (JsonElement group : rule.getAsJsonArray("apiGroups")) {
        for (JsonElement resource : rule.getAsJsonArray("resources")) {
          for (JsonElement verb : rule.getAsJsonArray("verbs")) {
            grants.add(new Grant(group.getAsString(), resource.getAsString(), verb.getAsString()));
          }
        }
      }
    }
    return grants;
  }
}
