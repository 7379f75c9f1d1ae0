package dev.tugboat.samples.sandbox.seed;

import static dev.tugboat.samples.sandbox.seed.JsonPaths.at;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.containers;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.describe;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.kind;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.name;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.namespace;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.objectAt;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.objectsAt;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.podTemplate;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.stringAt;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.stringsAt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelSelector;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lists what is wrong with a seed's objects: what a real API server would refuse, objects that come
 * before what they need, and inconsistencies that would mislead Tugboat (unbound volumes, Services
 * that select nothing, workloads without app labels or requests).
 */
final class SeedChecker {

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern RFC_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Set<String> SERVER_SET_METADATA =
      Set.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "generation",
          "managedFields",
          "selfLink",
          "deletionTimestamp");
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
  private static final Set<String> TIERS = Set.of("0", "1", "2", "3");
  private static final List<String> APP_LABELS =
      List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "tugboat.dev/tier");

  private final List<String> problems = new ArrayList<>();
  private final Set<String> created = new HashSet<>();
  private final Map<String, Boolean> customKindsNamespaced = new HashMap<>();

  private SeedChecker() {}

  /** Every problem found, each naming the object; empty for a good seed. */
  static List<String> problems(List<JsonObject> objects) {
    SeedChecker checker = new SeedChecker();
    objects.forEach(checker::checkInOrder);
    objects.forEach(checker::checkWorkload);
    objects.forEach(object -> checker.checkSelectsPods(object, objects));
    objects.forEach(object -> checker.checkBinding(object, objects));
    return checker.problems;
  }

  private void checkInOrder(JsonObject object) {
    String apiVersion = stringAt(object, "apiVersion");
    String kind = kind(object);
    String name = name(object);
    if (apiVersion == null || kind == null || name == null || name.isEmpty()) {
      problems.add("Incomplete object, without apiVersion, kind or metadata.name: " + object);
      return;
    }
    checkName(object);
    checkNoServerFields(object);
    checkLabels(object);
    Boolean namespaced = BuiltInKinds.namespaced(apiVersion, kind);
    if (namespaced == null) {
      namespaced = customKindsNamespaced.get(apiVersion + " " + kind);
    }
    if (namespaced == null) {
      problems.add(describe(object) + ": unknown kind, and no CustomResourceDefinition before it");
    } else if (namespaced != (namespace(object) != null)) {
      problems.add(
          describe(object)
              + (namespaced ? ": namespaced but has no" : ": cluster-scoped but has a")
              + " namespace");
    }
    for (String reference : references(object)) {
      if (!created.contains(reference)) {
        problems.add(describe(object) + " needs " + reference + ", which does not come before it");
      }
    }
    created.add(key(kind, namespace(object), name));
    if (kind.equals("CustomResourceDefinition")) {
      String group = stringAt(object, "spec", "group");
      boolean crdNamespaced = "Namespaced".equals(stringAt(object, "spec", "scope"));
      for (JsonObject version : objectsAt(object, "spec", "versions")) {
        customKindsNamespaced.put(
            group
                + "/"
                + stringAt(version, "name")
                + " "
                + stringAt(object, "spec", "names", "kind"),
            crdNamespaced);
      }
    }
  }

  private void checkName(JsonObject object) {
    String name = name(object);
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      problems.add(describe(object) + ": name is not an RFC 1123 subdomain");
    }
    if (kind(object).equals("Namespace")
        && (name.length() > 63 || !DNS_LABEL.matcher(name).matches())) {
      problems.add(describe(object) + ": name is not an RFC 1123 label");
    }
    if (kind(object).equals("Service")
        && (name.length() > 63 || !RFC_1035_LABEL.matcher(name).matches())) {
      problems.add(describe(object) + ": name is not an RFC 1035 label");
    }
  }

  private void checkNoServerFields(JsonObject object) {
    for (String field : SERVER_SET_METADATA) {
      if (at(object, "metadata", field) != null) {
        problems.add(describe(object) + ": has metadata." + field + ", which the server sets");
      }
    }
    boolean volume = Set.of("PersistentVolume", "PersistentVolumeClaim").contains(kind(object));
    if (object.has("status") && !volume) {
      problems.add(describe(object) + ": has a status, which its controllers set");
    }
  }

  private void checkLabels(JsonObject object) {
    for (String field : List.of("labels", "annotations")) {
      JsonObject map = objectAt(object, "metadata", field);
      if (map == null) {
        continue;
      }
      for (Map.Entry<String, JsonElement> entry : map.entrySet()) {
        JsonElement value = entry.getValue();
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
          problems.add(describe(object) + ": " + field + " value " + entry + " is not a string");
        } else if (field.equals("labels")) {
          checkLabel(object, entry.getKey(), value.getAsString());
        }
      }
    }
  }

  private void checkLabel(JsonObject object, String key, String value) {
    try {
      LabelSelector.parse(key + "=" + value);
    } catch (IllegalArgumentException e) {
      problems.add(describe(object) + ": label " + key + "=" + value + " is invalid: " + e);
    }
  }

  /** What must exist before an object can be created (or work at once), as keys. */
  private List<String> references(JsonObject object) {
    String namespace = namespace(object);
    List<String> references = new ArrayList<>();
    if (namespace != null) {
      references.add(key("Namespace", null, namespace));
    }
    switch (kind(object)) {
      case "PersistentVolume" -> addStorageClass(references, objectAt(object, "spec"));
      case "PersistentVolumeClaim" -> {
        addStorageClass(references, objectAt(object, "spec"));
        addIfNamed(references, "PersistentVolume", null, stringAt(object, "spec", "volumeName"));
      }
      case "StatefulSet" -> {
        references.add(key("Service", namespace, stringAt(object, "spec", "serviceName")));
        int replicas = at(object, "spec", "replicas").getAsInt();
        for (JsonObject template : objectsAt(object, "spec", "volumeClaimTemplates")) {
          addStorageClass(references, objectAt(template, "spec"));
          for (int ordinal = 0; ordinal < replicas; ordinal++) {
            String claim = name(template) + "-" + name(object) + "-" + ordinal;
            references.add(key("PersistentVolumeClaim", namespace, claim));
          }
        }
      }
      case "RoleBinding", "ClusterRoleBinding" -> {
        String roleKind = stringAt(object, "roleRef", "kind");
        String roleNamespace = roleKind.equals("Role") ? namespace : null;
        references.add(key(roleKind, roleNamespace, stringAt(object, "roleRef", "name")));
        for (JsonObject subject : objectsAt(object, "subjects")) {
          if ("ServiceAccount".equals(stringAt(subject, "kind"))) {
            references.add(
                key("ServiceAccount", stringAt(subject, "namespace"), stringAt(subject, "name")));
          }
        }
      }
      case "HorizontalPodAutoscaler" -> {
        JsonObject target = objectAt(object, "spec", "scaleTargetRef");
        references.add(key(stringAt(target, "kind"), namespace, stringAt(target, "name")));
      }
      case "Ingress" -> {
        for (JsonObject rule : objectsAt(object, "spec", "rules")) {
          for (JsonObject path : objectsAt(rule, "http", "paths")) {
            String service = stringAt(path, "backend", "service", "name");
            references.add(key("Service", namespace, service));
          }
        }
      }
      default -> {}
    }
    JsonObject pods = podTemplate(object);
    if (pods != null) {
      references.addAll(podReferences(pods, namespace));
    }
    return references;
  }

  private static List<String> podReferences(JsonObject pods, String namespace) {
    List<String> references = new ArrayList<>();
    String priorityClass = stringAt(pods, "spec", "priorityClassName");
    if (priorityClass != null) {
      references.add(key("PriorityClass", null, priorityClass));
    }
    String serviceAccount = stringAt(pods, "spec", "serviceAccountName");
    if (serviceAccount != null) {
      references.add(key("ServiceAccount", namespace, serviceAccount));
    }
    for (JsonObject volume : objectsAt(pods, "spec", "volumes")) {
      addIfNamed(references, "ConfigMap", namespace, stringAt(volume, "configMap", "name"));
      addIfNamed(references, "Secret", namespace, stringAt(volume, "secret", "secretName"));
      addIfNamed(
          references,
          "PersistentVolumeClaim",
          namespace,
          stringAt(volume, "persistentVolumeClaim", "claimName"));
    }
    for (JsonObject container : containers(pods)) {
      for (JsonObject env : objectsAt(container, "env")) {
        addIfNamed(
            references,
            "ConfigMap",
            namespace,
            stringAt(env, "valueFrom", "configMapKeyRef", "name"));
        addIfNamed(
            references, "Secret", namespace, stringAt(env, "valueFrom", "secretKeyRef", "name"));
      }
      for (JsonObject source : objectsAt(container, "envFrom")) {
        addIfNamed(references, "ConfigMap", namespace, stringAt(source, "configMapRef", "name"));
        addIfNamed(references, "Secret", namespace, stringAt(source, "secretRef", "name"));
      }
    }
    return references;
  }

  /** Workloads are apps: labelled as such, and their pods ask for what they need. */
  private void checkWorkload(JsonObject object) {
    JsonObject pods = podTemplate(object);
    if (pods == null) {
      return;
    }
    for (JsonObject container : containers(pods)) {
      for (String resource : List.of("cpu", "memory")) {
        String request = stringAt(container, "resources", "requests", resource);
        if (request == null || new Quantity(request).getNumber().compareTo(BigDecimal.ZERO) <= 0) {
          problems.add(
              describe(object)
                  + ": container "
                  + stringAt(container, "name")
                  + " has no "
                  + resource
                  + " request");
        }
      }
    }
    if (!WORKLOADS.contains(kind(object))) {
      return;
    }
    Map<String, String> labels = stringsAt(object, "metadata", "labels");
    Map<String, String> podLabels = stringsAt(pods, "metadata", "labels");
    for (String label : APP_LABELS) {
      if (!labels.containsKey(label) || !Objects.equals(labels.get(label), podLabels.get(label))) {
        problems.add(describe(object) + ": it and its pods need the same label " + label);
      }
    }
    String tier = labels.get("tugboat.dev/tier");
    if (tier != null && !TIERS.contains(tier)) {
      problems.add(describe(object) + ": tier is not 0 to 3");
    }
    JsonObject matchLabels = objectAt(object, "spec", "selector", "matchLabels");
    if (matchLabels == null || matchLabels.size() == 0) {
      problems.add(describe(object) + ": has no selector");
    } else if (!selector(matchLabels).matches(podLabels)) {
      problems.add(describe(object) + ": its selector does not match its pod template");
    }
  }

  /** Services, disruption budgets and network policies must select some workload's pods. */
  private void checkSelectsPods(JsonObject object, List<JsonObject> objects) {
    JsonObject matchLabels =
        switch (kind(object)) {
          case "Service" -> objectAt(object, "spec", "selector");
          case "PodDisruptionBudget" -> objectAt(object, "spec", "selector", "matchLabels");
          case "NetworkPolicy" -> objectAt(object, "spec", "podSelector", "matchLabels");
          default -> null;
        };
    if (matchLabels == null) {
      return; // e.g. a Service for endpoints managed by hand
    }
    LabelSelector selector = selector(matchLabels);
    boolean selectsPods =
        objects.stream()
            .filter(other -> Objects.equals(namespace(other), namespace(object)))
            .map(JsonPaths::podTemplate)
            .filter(Objects::nonNull)
            .anyMatch(pods -> selector.matches(stringsAt(pods, "metadata", "labels")));
    if (!selectsPods) {
      problems.add(describe(object) + ": its selector " + selector + " selects no pods");
    }
  }

  /** A claim and its volume name each other, agree on size, class and modes, and are Bound. */
  private void checkBinding(JsonObject object, List<JsonObject> objects) {
    if (kind(object).equals("PersistentVolume")) {
      JsonObject claimRef = objectAt(object, "spec", "claimRef");
      if (claimRef != null
          && find(
                  objects,
                  "PersistentVolumeClaim",
                  stringAt(claimRef, "namespace"),
                  stringAt(claimRef, "name"))
              == null) {
        problems.add(describe(object) + ": its claimRef names a claim not in the seed");
      }
      return;
    }
    String volumeName = stringAt(object, "spec", "volumeName");
    if (!kind(object).equals("PersistentVolumeClaim") || volumeName == null) {
      return;
    }
    JsonObject volume = find(objects, "PersistentVolume", null, volumeName);
    if (volume == null) {
      return; // reported as a missing reference
    }
    JsonObject claimRef = objectAt(volume, "spec", "claimRef");
    if (claimRef == null
        || !Objects.equals(stringAt(claimRef, "namespace"), namespace(object))
        || !Objects.equals(stringAt(claimRef, "name"), name(object))) {
      problems.add(describe(object) + ": its volume " + volumeName + " is claimed by another");
    }
    if (!"Bound".equals(stringAt(object, "status", "phase"))
        || !"Bound".equals(stringAt(volume, "status", "phase"))) {
      problems.add(describe(object) + ": it or its volume is not Bound");
    }
    if (!Objects.equals(
        stringAt(object, "spec", "storageClassName"),
        stringAt(volume, "spec", "storageClassName"))) {
      problems.add(describe(object) + ": its volume has another StorageClass");
    }
    if (!Objects.equals(at(object, "spec", "accessModes"), at(volume, "spec", "accessModes"))
        || !Objects.equals(
            at(object, "status", "accessModes"), at(volume, "spec", "accessModes"))) {
      problems.add(describe(object) + ": its volume has other access modes");
    }
    Quantity size = new Quantity(stringAt(volume, "spec", "capacity", "storage"));
    Quantity requested = new Quantity(stringAt(object, "spec", "resources", "requests", "storage"));
    if (!size.equals(new Quantity(stringAt(object, "status", "capacity", "storage")))
        || size.getNumber().compareTo(requested.getNumber()) < 0) {
      problems.add(describe(object) + ": its capacity does not match its volume's");
    }
  }

  private static JsonObject find(
      List<JsonObject> objects, String kind, String namespace, String name) {
    return objects.stream()
        .filter(object -> kind.equals(kind(object)))
        .filter(object -> Objects.equals(namespace, namespace(object)))
        .filter(object -> Objects.equals(name, name(object)))
        .findFirst()
        .orElse(null);
  }

  private static LabelSelector selector(JsonObject matchLabels) {
    return LabelSelector.parse(
        matchLabels.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue().getAsString())
            .collect(Collectors.joining(",")));
  }

  private static void addStorageClass(List<String> references, JsonObject spec) {
    addIfNamed(references, "StorageClass", null, stringAt(spec, "storageClassName"));
  }

  private static void addIfNamed(
      List<String> references, String kind, String namespace, String name) {
    if (name != null) {
      references.add(key(kind, namespace, name));
    }
  }

  private static String key(String kind, String namespace, String name) {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
