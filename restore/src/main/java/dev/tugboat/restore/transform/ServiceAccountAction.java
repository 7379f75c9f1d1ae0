package dev.tugboat.restore.transform;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;

/**
 * ServiceAccounts (velero.md 3.4, {@code service_account_action.go}): the reference to the
 * account's legacy token secret ({@code <name>-token-*}) is removed, since that secret is generated
 * anew in the target cluster.
 */
final class ServiceAccountAction implements ItemAction {

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("serviceaccounts");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    String tokenPrefix = JsonPaths.string(item, "metadata", "name").orElse("") + "-token-";
    Optional<JsonArray> secrets = JsonPaths.array(item, "secrets");
    if (secrets.isPresent()) {
      // Velero removes one entry only: the last one that matches.
      JsonArray list = secrets.get();
      for (int i = list.size() - 1; i >= 0; i--) {
        boolean token =
            list.get(i).isJsonObject()
                && JsonPaths.string(list.get(i).getAsJsonObject(), "name")
                    .filter(name -> name.startsWith(tokenPrefix))
                    .isPresent();
        if (token) {
          list.remove(i);
          break;
        }
      }
    }
    return Optional.empty();
  }
}
