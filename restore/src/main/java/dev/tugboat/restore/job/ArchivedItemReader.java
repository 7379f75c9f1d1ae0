package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import dev.tugboat.backup.staging.StagedItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the items of a list of group resources from the spooled backup, type after type in restore
 * order, holding one spool chunk at a time. Its position (the type, and the items of it already
 * read) is saved at every commit, so a restarted step goes on with the first item not committed.
 * Namespaces to create bare come first among the Namespace objects.
 */
final class ArchivedItemReader implements ItemStreamReader<StagedItem> {

  private static final String TYPE_KEY = "reader.type";
  private static final String ITEM_KEY = "reader.item";

  private final RestoreSessionHolder sessions;
  private final List<String> types;
  private final List<String> namespacesToCreate;

  private int typeIndex;
  private long itemIndex;
  private final Deque<StagedItem> buffer = new ArrayDeque<>();
  private int nextChunk;
  private boolean positioned;

  ArchivedItemReader(
      RestoreSessionHolder sessions, List<String> types, List<String> namespacesToCreate) {
    this.sessions = sessions;
    this.types = List.copyOf(types);
    this.namespacesToCreate = List.copyOf(namespacesToCreate);
  }

  @Override
  public void open(ExecutionContext context) {
    typeIndex = context.getInt(TYPE_KEY, 0);
    itemIndex = context.getLong(ITEM_KEY, 0);
    positioned = false;
  }

  @Override
  public StagedItem read() throws IOException {
    if (!positioned) {
      // Skip what earlier attempts committed: the spool is rebuilt in the same order.
      long committed = itemIndex;
      startType();
      for (long skipped = 0; skipped < committed; skipped++) {
        if (next() == null) {
          break;
        }
      }
      itemIndex = committed;
      positioned = true;
    }
    StagedItem item = next();
    while (item == null && typeIndex < types.size() - 1) {
      typeIndex++;
      itemIndex = 0;
      startType();
      item = next();
    }
    if (item != null) {
      itemIndex++;
    }
    return item;
  }

  @Override
  public void update(ExecutionContext context) {
    context.putInt(TYPE_KEY, typeIndex);
    context.putLong(ITEM_KEY, itemIndex);
  }

  /** Fills the buffer with the bare namespaces, when the type is Namespace objects. */
  private void startType() {
    buffer.clear();
    nextChunk = 0;
    if (typeIndex < types.size()
        && types.get(typeIndex).equals(RestoreSession.NAMESPACES.groupResource())) {
      for (String namespace : namespacesToCreate) {
        buffer.add(bareNamespace(namespace));
      }
    }
  }

  /** The next item of the current type, or null when it has no more. */
  private StagedItem next() throws IOException {
    if (typeIndex >= types.size()) {
      return null;
    }
    String groupResource = types.get(typeIndex);
    RestoreSession session = sessions.get();
    while (buffer.isEmpty()) {
      if (!session.spool().groupResources().containsKey(groupResource)
          || nextChunk >= session.spool().chunks(groupResource)) {
        return null;
      }
      List<StagedItem> chunk = new ArrayList<>();
      session.spool().readChunk(groupResource, nextChunk++, chunk::add);
      buffer.addAll(chunk);
    }
    return buffer.removeFirst();
  }

  private static StagedItem bareNamespace(String name) {
    JsonObject namespace = new JsonObject();
    namespace.addProperty("apiVersion", "v1");
    namespace.addProperty("kind", "Namespace");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    namespace.add("metadata", metadata);
    return new StagedItem(
        "namespaces",
        "v1",
        "Namespace",
        "",
        name,
        namespace.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws ItemStreamException {
    buffer.clear();
  }
}
