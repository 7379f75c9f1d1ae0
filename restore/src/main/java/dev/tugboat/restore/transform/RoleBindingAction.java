package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;
import java.util.Set;

/**
 * RoleBindings and ClusterRoleBindings (velero.md 3.4, {@code rolebinding_action.go} and {@code
 * clusterrolebinding_action.go}): a subject in a mapped namespace, typically a ServiceAccount, is
 * moved to the target namespace, so that the binding keeps granting the restored account.
 */
final class RoleBindingAction implements ItemAction {

  private static final Set<String> GROUP_RESOURCES =
      Set.of(
          "rolebindings.rbac.authorization.k8s.io",
          "clusterrolebindings.rbac.authorization.k8s.io");

  @Override
  public boolean appliesTo(String groupResource) {
    return GROUP_RESOURCES.contains(groupResource);
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    for (JsonObject subject : JsonPaths.objects(item, "subjects")) {
      JsonPaths.string(subject, "namespace")
          .filter(context.namespaceMapping()::containsKey)
          .ifPresent(
              namespace -> subject.addProperty("namespace", context.targetNamespace(namespace)));
    }
    return Optional.empty();
  }
}
