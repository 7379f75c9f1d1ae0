package dev.tugboat.samples.sandbox.seed;

import com.google.gson.JsonObject;
import java.util.stream.Stream;

/**
 * Objects to load into an empty sandbox cluster (a test and demo double, not a real cluster), so
 * that a test, demo or benchmark starts from a known state.
 *
 * <p>The objects come in an order a real API server accepts when they are created one by one:
 * CustomResourceDefinitions before their custom resources (a server must treat a CRD as established
 * before the next object arrives), PriorityClasses, StorageClasses and ClusterRoles before their
 * users, PersistentVolumes before the claims bound to them, Namespaces before their contents, and
 * within a namespace, ServiceAccounts, ConfigMaps and Secrets before the workloads that use them.
 *
 * <p>Each object is complete ({@code apiVersion}, {@code kind}, {@code metadata.name}, and {@code
 * metadata.namespace} for namespaced kinds) and carries no field a server sets ({@code uid}, {@code
 * resourceVersion}, {@code creationTimestamp}...). Some carry a {@code status} the sandbox should
 * keep, such as the {@code Bound} phase of pre-bound volumes and claims.
 */
public interface Seed {

  /** The name that {@link Seeds#named} accepts for this seed, e.g. {@code demo}. */
  String name();

  /**
   * The objects in creation order. Each call returns a new stream of new objects, produced as the
   * stream is consumed, so a seed of millions of objects needs no more memory than one object;
   * callers may change the objects they receive.
   */
  Stream<JsonObject> objects();
}
