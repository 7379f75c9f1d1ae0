package dev.tugboat.restore.migrate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.plan.ApplicationClaims;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.plan.RestoreSkips;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The namespaced objects of a spooled backup that an application of a plan claims, each with its
 * application: what the cutover takes out of service and what a rollback compares the source with.
 * Types a restore never creates (such as events) are left out.
 */
public final class ClaimedObjects {

  /** Receives one claimed object. */
  @FunctionalInterface
  public interface Visitor {
    void visit(String application, String groupResource, JsonObject object);
  }

  private ClaimedObjects() {}

  /**
   * @throws IOException when the spool cannot be read back
   */
  public static void read(MigrationPlan plan, SpooledBackup backup, Visitor visitor)
      throws IOException {
    ApplicationClaims claims = new ApplicationClaims(plan);
    for (String groupResource : backup.groupResources().keySet()) {
      if (RestoreSkips.isNeverRestored(groupResource)) {
        continue;
      }
      backup.read(
          groupResource,
          item -> {
            if (item.namespace().isEmpty()) {
              return;
            }
            JsonObject object =
                JsonParser.parseString(new String(item.json(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            claims
                .claimant(object)
                .ifPresent(application -> visitor.visit(application, groupResource, object));
          });
    }
  }
}
