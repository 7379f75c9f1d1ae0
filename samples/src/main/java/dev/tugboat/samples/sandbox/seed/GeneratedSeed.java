package dev.tugboat.samples.sandbox.seed;

import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A seed for benchmarks, named {@code generated:<namespaces>x<objectsPerNamespace>}: namespaces
 * {@code bench-0000}, {@code bench-0001}... each followed by its objects. Of every ten objects in a
 * namespace, six are ConfigMaps of 1 KiB of data ({@code config-00000}...), two are Secrets ({@code
 * secret-00006}...), one is a Deployment ({@code app-00008}...) and one the Service in front of it,
 * named like it.
 *
 * <p>Each object is computed from its position alone, with a random generator seeded by that
 * position: the objects are the same in every run, and streaming them holds one object at a time,
 * however many there are.
 */
public final class GeneratedSeed implements Seed {

  // Any fixed value would do: what matters is that every run generates the same objects.
  private static final long RANDOM_SEED = 0x7ac6_b0a7L;

  private static final int CYCLE_LENGTH = 10;
  private static final int FIRST_SECRET = 6;
  private static final int DEPLOYMENT = 8;

  private final int namespaces;
  private final int objectsPerNamespace;

  /**
   * @param namespaces how many namespaces, at least 1
   * @param objectsPerNamespace how many objects in each, besides the namespace itself; may be 0
   */
  public GeneratedSeed(int namespaces, int objectsPerNamespace) {
    if (namespaces < 1) {
      throw new IllegalArgumentException(
          "A generated seed needs at least 1 namespace, got " + namespaces);
    }
    if (objectsPerNamespace < 0) {
      throw new IllegalArgumentException(
          "Objects per namespace of a generated seed cannot be negative, got "
              + objectsPerNamespace);
    }
    this.namespaces = namespaces;
    this.objectsPerNamespace = objectsPerNamespace;
  }

  @Override
  public String name() {
    return "generated:" + namespaces + "x" + objectsPerNamespace;
  }

  @Override
  public Stream<JsonObject> objects() {
    // long: 100,000 namespaces of 100,000 objects overflow an int.
    return LongStream.range(0, (long) namespaces * blockSize()).mapToObj(this::objectAt);
  }

  /** A namespace and its objects. */
  private long blockSize() {
    return objectsPerNamespace + 1L;
  }

  private JsonObject objectAt(long position) {
    String namespace = String.format("bench-%04d", position / blockSize());
    int offset = (int) (position % blockSize());
    if (offset == 0) {
      return GeneratedObjects.namespace(namespace);
    }
    int item = offset - 1;
    SplittableRandom random = new SplittableRandom(RANDOM_SEED + position);
    int slot = item % CYCLE_LENGTH;
    if (slot < FIRST_SECRET) {
      return GeneratedObjects.configMap(namespace, String.format("config-%05d", item), random);
    }
    if (slot < DEPLOYMENT) {
      return GeneratedObjects.secret(namespace, String.format("secret-%05d", item), random);
    }
    if (slot == DEPLOYMENT) {
      return GeneratedObjects.deployment(app(namespace, item, random), random);
    }
    // The Service fronts the Deployment just before it; the same random draws give the same app.
    App app = app(namespace, item - 1, new SplittableRandom(RANDOM_SEED + position - 1));
    return GeneratedObjects.service(app);
  }

  private static App app(String namespace, int item, SplittableRandom random) {
    return new App(
        namespace, String.format("app-%05d", item), GeneratedObjects.PART_OF, random.nextInt(4));
  }
}
