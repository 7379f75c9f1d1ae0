package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.modifiers.ModifiedItem;
import dev.tugboat.restore.modifiers.ResourceModifiers;
import dev.tugboat.restore.plan.RestoreSkips;
import dev.tugboat.restore.transform.ItemTransformer;
import dev.tugboat.restore.transform.RestoreContext;
import dev.tugboat.restore.transform.Transformed;
import java.io.IOException;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns an archived item into what the writer applies, in Velero's order: selection (an item not
 * selected is filtered out and leaves no trace), the skip rules, the objects left to their
 * controllers, the resource modifiers, then the transforms. The modifiers see the item as backed up
 * (Velero matches their conditions on the source namespace); the transforms' metadata reset then
 * applies to what they produced.
 */
final class ItemPreparer implements ItemProcessor<StagedItem, PreparedItem> {

  private final RestoreSessionHolder sessions;
  private final ResourceModifiers modifiers;
  private final ItemTransformer transformer = new ItemTransformer();

  ItemPreparer(RestoreSessionHolder sessions, ResourceModifiers modifiers) {
    this.sessions = sessions;
    this.modifiers = modifiers;
  }

  @Override
  public PreparedItem process(StagedItem staged) throws IOException {
    RestoreSession session = sessions.get();
    String groupResource = staged.groupResource();
    ApiResource type =
        session
            .type(groupResource)
            .orElseThrow(() -> new IllegalStateException("no type for " + groupResource));
    if (!session.mayBeSelected(staged)) {
      return null;
    }
    JsonObject item = RestoreSession.parse(staged);
    if (!session.selects(type, item)) {
      return null;
    }
    RestoreContext context = session.context();
    Optional<String> skip =
        RestoreSkips.skipReason(groupResource, item).or(() -> session.owned().skipReason(item));
    if (skip.isPresent()) {
      return decided(type, staged, context, Disposition.NOT_RESTORED, skip.get());
    }
    ModifiedItem modified = modifiers.apply(groupResource, item);
    if (!modified.errors().isEmpty()) {
      return decided(
          type, staged, context, Disposition.FAILED, String.join("; ", modified.errors()));
    }
    Transformed transformed;
    try {
      transformed = transformer.transform(groupResource, modified.item(), context);
    } catch (IllegalArgumentException e) {
      return decided(type, staged, context, Disposition.FAILED, e.getMessage());
    }
    if (transformed instanceof Transformed.Skip skipped) {
      return decided(type, staged, context, Disposition.NOT_RESTORED, skipped.reason());
    }
    return PreparedItem.apply(type, (Transformed.Create) transformed);
  }

  /** An entry under the names the item would have had in the target. */
  private static PreparedItem decided(
      ApiResource type,
      StagedItem staged,
      RestoreContext context,
      Disposition disposition,
      String message) {
    boolean namespaceObject = type.groupResource().equals("namespaces");
    String name = namespaceObject ? context.targetNamespace(staged.name()) : staged.name();
    String namespace =
        staged.namespace().isEmpty() ? "" : context.targetNamespace(staged.namespace());
    return PreparedItem.decided(
        type,
        new LedgerEntry(
            type.groupResource(),
            type.apiVersion(),
            type.kind(),
            namespace,
            name,
            disposition,
            message,
            null));
  }

  /** The ledger entry of an applied object, named as it is in the target cluster. */
  static LedgerEntry entry(
      ApiResource type,
      JsonObject applied,
      Disposition disposition,
      String message,
      JsonObject before) {
    return new LedgerEntry(
        type.groupResource(),
        type.apiVersion(),
        type.kind(),
        JsonPaths.string(applied, "metadata", "namespace").orElse(""),
        JsonPaths.string(applied, "metadata", "name").orElse(""),
        disposition,
        message,
        before);
  }
}
