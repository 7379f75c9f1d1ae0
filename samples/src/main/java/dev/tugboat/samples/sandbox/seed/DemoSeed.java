package dev.tugboat.samples.sandbox.seed;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The seed named {@code demo}: a small company's cluster of about 70 objects in six namespaces
 * (shop, payments, batch, analytics, identity, monitoring), with apps of every tier, a custom
 * resource definition and its resources, pre-bound volumes, RBAC, autoscaling, disruption budgets,
 * a quota and a limit range. Its apps carry the labels migration and capacity planning select by.
 *
 * <p>The objects are written as Kubernetes manifests in {@code demo.yaml} next to this class, which
 * lists the apps in its header.
 */
public final class DemoSeed implements Seed {

  private static final String MANIFESTS = "demo.yaml";

  private final Gson gson = new Gson();

  @Override
  public String name() {
    return "demo";
  }

  /** The objects, parsed anew from the manifests on each call: about 70, so parsing is quick. */
  @Override
  public Stream<JsonObject> objects() {
    return read().stream();
  }

  private List<JsonObject> read() {
    try (InputStream manifests = DemoSeed.class.getResourceAsStream(MANIFESTS)) {
      if (manifests == null) {
        throw new IllegalStateException(
            "The demo seed's manifests " + MANIFESTS + " are missing from the class path");
      }
      List<JsonObject> objects = new ArrayList<>();
      for (Object document :
          new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(manifests)) {
        objects.add(gson.toJsonTree(document).getAsJsonObject());
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo seed's manifests " + MANIFESTS, e);
    }
  }
}
