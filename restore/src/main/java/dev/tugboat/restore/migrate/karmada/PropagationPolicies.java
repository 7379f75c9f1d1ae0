package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Karmada policies that make the control plane adopt one application's objects, as Karmada's
 * migration guide prescribes: one PropagationPolicy per namespace of the application, named {@code
 * tugboat-<application>}, and one ClusterPropagationPolicy {@code
 * tugboat-<migration>-<application>} for its cluster-scoped objects, each with {@code
 * conflictResolution: Overwrite} (so Karmada takes over the objects already running in the member
 * instead of refusing them), the member cluster as the only placement, and one selector by name per
 * object.
 *
 * <p>Namespaces are never selected: Karmada propagates them by itself. No policy is made without a
 * selector, since Karmada refuses an empty selector list. Pure: the same input gives the same
 * policies, selectors sorted, whatever the order of the objects.
 */
public final class PropagationPolicies {

  /** The migration's id, as on every object the migration restores. */
  static final String MIGRATION_LABEL = "tugboat.dev/migration";

  /** The application's name, as on every object the migration restores. */
  static final String APPLICATION_LABEL = "tugboat.dev/app";

  /** Kubernetes' limit on object names (a DNS-1123 subdomain). */
  private static final int MAX_NAME_LENGTH = 253;

  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final Comparator<TemplateRef> BY_SELECTOR =
      Comparator.comparing(TemplateRef::apiVersion)
          .thenComparing(TemplateRef::kind)
          .thenComparing(TemplateRef::name);

  private PropagationPolicies() {}

  /**
   * The policies of one application, PropagationPolicies by namespace first, then the
   * ClusterPropagationPolicy if the application has cluster-scoped objects other than Namespaces.
   *
   * @param objects the application's objects as restored into the control plane; duplicates are
   *     selected once
   * @return empty when no object can be selected
   * @throws IllegalArgumentException when a policy name would not be a valid object name (the
   *     message names the application and the name), or an argument is blank
   */
  public static List<JsonObject> forApplication(
      String migrationId,
      String application,
      String memberCluster,
      Collection<TemplateRef> objects) {
    requireText(migrationId, "migration id");
    requireText(application, "application name");
    requireText(memberCluster, "member cluster");
    Map<String, TreeSet<TemplateRef>> byNamespace = new TreeMap<>();
    TreeSet<TemplateRef> clusterScoped = new TreeSet<>(BY_SELECTOR);
    for (TemplateRef object : objects) {
      if (object.isNamespace()) {
        continue;
      }
      if (object.isClusterScoped()) {
        clusterScoped.add(object);
      } else {
        byNamespace
            .computeIfAbsent(object.namespace(), namespace -> new TreeSet<>(BY_SELECTOR))
            .add(object);
      }
    }
    List<JsonObject> policies = new ArrayList<>();
    byNamespace.forEach(
        (namespace, selected) ->
            policies.add(
                policy(
                    KarmadaTypes.PROPAGATION_POLICY,
                    policyName(application, "tugboat-" + application),
                    namespace,
                    migrationId,
                    application,
                    memberCluster,
                    selected)));
    if (!clusterScoped.isEmpty()) {
      policies.add(
          policy(
              KarmadaTypes.CLUSTER_PROPAGATION_POLICY,
              policyName(application, "tugboat-" + migrationId + "-" + application),
              null,
              migrationId,
              application,
              memberCluster,
              clusterScoped));
    }
    return policies;
  }

  /**
   * The templates a policy made here selects: its selectors, in the policy's namespace (none for a
   * ClusterPropagationPolicy).
   */
  static List<TemplateRef> selectedBy(JsonObject policy) {
    String namespace = KarmadaTypes.namespaceOf(policy);
    List<TemplateRef> selected = new ArrayList<>();
    for (JsonObject selector : JsonPaths.objects(policy, "spec", "resourceSelectors")) {
      selected.add(
          new TemplateRef(
              JsonPaths.string(selector, "apiVersion").orElse(null),
              JsonPaths.string(selector, "kind").orElse(null),
              namespace,
              JsonPaths.string(selector, "name").orElse(null)));
    }
    return selected;
  }

  private static JsonObject policy(
      String kind,
      String name,
      String namespace,
      String migrationId,
      String application,
      String memberCluster,
      Collection<TemplateRef> selected) {
    JsonObject labels = new JsonObject();
    labels.addProperty(MIGRATION_LABEL, migrationId);
    labels.addProperty(APPLICATION_LABEL, application);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    if (namespace != null) {
      metadata.addProperty("namespace", namespace);
    }
    metadata.add("labels", labels);

    JsonArray clusterNames = new JsonArray();
    clusterNames.add(memberCluster);
    JsonObject clusterAffinity = new JsonObject();
    clusterAffinity.add("clusterNames", clusterNames);
    JsonObject placement = new JsonObject();
    placement.add("clusterAffinity", clusterAffinity);

    JsonObject spec = new JsonObject();
    spec.addProperty("conflictResolution", "Overwrite");
    spec.add("placement", placement);
    spec.add("resourceSelectors", selectors(selected));

    JsonObject policy = new JsonObject();
    policy.addProperty("apiVersion", KarmadaTypes.POLICY_API_VERSION);
    policy.addProperty("kind", kind);
    policy.add("metadata", metadata);
    policy.add("spec", spec);
    return policy;
  }

  /** One selector by name per object; the namespace is the policy's, so none is given. */
  private static JsonElement selectors(Collection<TemplateRef> selected) {
    JsonArray selectors = new JsonArray();
    for (TemplateRef object : selected) {
      JsonObject selector = new JsonObject();
      selector.addProperty("apiVersion", object.apiVersion());
      selector.addProperty("kind", object.kind());
      selector.addProperty("name", object.name());
      selectors.add(selector);
    }
    return selectors;
  }

  private static String policyName(String application, String name) {
    if (name.length() > MAX_NAME_LENGTH || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "application \""
              + application
              + "\" cannot get a Karmada policy: its name \""
              + name
              + "\" is not a valid object name (a DNS-1123 subdomain: at most "
              + MAX_NAME_LENGTH
              + " lowercase letters, digits, '-' and '.', starting and ending with a letter or"
              + " digit)");
    }
    return name;
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a Karmada policy needs a " + what);
    }
  }
}
