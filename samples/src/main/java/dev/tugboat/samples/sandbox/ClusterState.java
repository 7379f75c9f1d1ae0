package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's objects as its simulated controllers and admission plug-ins see them: whole objects
 * as JSON, typed by {@code apiVersion} and {@code kind} (e.g. {@code apps/v1} {@code Deployment}).
 * Writes go through the same path as API requests (validation, admission, resourceVersion, watch
 * events), except that controllers are trusted: a write from here is never refused by quota for
 * status updates.
 *
 * <p>Objects returned are copies: changing them changes nothing until they are written back.
 */
public interface ClusterState {

  /**
   * Objects of a kind, sorted by namespace then name; {@code namespace} null means all namespaces.
   */
  List<JsonObject> list(String apiVersion, String kind, String namespace);

  Optional<JsonObject> get(String apiVersion, String kind, String namespace, String name);

  /** Creates an object (with {@code metadata.generateName} support); returns it as stored. */
  JsonObject create(JsonObject object);

  /**
   * Replaces an object's spec and metadata (its {@code metadata.resourceVersion} must be current).
   */
  JsonObject update(JsonObject object);

  /** Replaces an object's {@code status} only. */
  JsonObject updateStatus(JsonObject object);

  /**
   * Deletes an object the way a background-propagation DELETE does; missing objects are ignored.
   */
  void delete(String apiVersion, String kind, String namespace, String name);
}
