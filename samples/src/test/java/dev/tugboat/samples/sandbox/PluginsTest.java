package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Controllers and admission plug-ins registered through the options. */
class PluginsTest {

  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

  /** Keeps a Secret, owned by the config map, next to every config map labelled mirror=yes. */
  static final class MirrorController implements Controller {

    @Override
    public Set<String> watchedKinds() {
      return Set.of("v1/ConfigMap");
    }

    @Override
    public Optional<Duration> reconcile(ClusterState state) {
      for (JsonObject configMap : state.list("v1", "ConfigMap", null)) {
        JsonObject metadata = configMap.getAsJsonObject("metadata");
        boolean wanted =
            metadata.has("labels")
                && "yes".equals(metadata.getAsJsonObject("labels").get("mirror").getAsString());
        String namespace = metadata.get("namespace").getAsString();
        String name = metadata.get("name").getAsString();
        if (wanted && state.get("v1", "Secret", namespace, name).isEmpty()) {
          state.create(
              json(
                  "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"%s\",\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"%s\",\"uid\":\"%s\"}]}}"
                      .formatted(name, namespace, name, metadata.get("uid").getAsString())));
        }
      }
      return Optional.empty();
    }
  }

  /** Labels new config maps and refuses the one named "forbidden". */
  static final class LabellingAdmission implements Admission {

    final List<String> stored = new CopyOnWriteArrayList<>();

    @Override
    public void admit(Operation operation, JsonObject object, JsonObject old, ClusterState state) {
      if (!"ConfigMap".equals(object.get("kind").getAsString())) {
        return;
      }
      JsonObject metadata = object.getAsJsonObject("metadata");
      if ("forbidden".equals(metadata.get("name").getAsString())) {
        throw ApiError.forbidden(
            "configmaps \"forbidden\" is forbidden: refused by the test admission");
      }
      if (operation == Operation.CREATE) {
        if (!metadata.has("labels")) {
          metadata.add("labels", new JsonObject());
        }
        metadata.getAsJsonObject("labels").addProperty("admitted", "true");
      }
    }

    @Override
    public void stored(JsonObject object, JsonObject old, ClusterState state) {
      JsonObject any = object != null ? object : old;
      if ("ConfigMap".equals(any.get("kind").getAsString())) {
        stored.add(
            (object == null ? "deleted " : old == null ? "created " : "updated ")
                + any.getAsJsonObject("metadata").get("name").getAsString());
      }
    }
  }

  private final LabellingAdmission admission = new LabellingAdmission();

  @RegisterExtension
  SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.controller(new MirrorController()).admission(admission))
          .build();

  @Test
  void controllersReconcileAfterChangesToWatchedKinds() throws Exception {
    RawApi raw = new RawApi(sandbox.url());
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"app\",\"labels\":{\"mirror\":\"yes\"}}}");
    assertThat(sandbox.sandbox().awaitControllersIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(raw.get("/api/v1/namespaces/default/secrets/app").code()).isEqualTo(200);

    raw.delete(CONFIG_MAPS + "/app");
    assertThat(raw.get("/api/v1/namespaces/default/secrets/app").code()).isEqualTo(404);
  }

  @Test
  void admissionChangesOrRefusesWritesAndSeesWhatIsStored() {
    RawApi raw = new RawApi(sandbox.url());
    JsonObject created = raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"plain\"}}").json();
    assertThat(
            created
                .getAsJsonObject("metadata")
                .getAsJsonObject("labels")
                .get("admitted")
                .getAsString())
        .isEqualTo("true");

    RawApi.Answer refused = raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"forbidden\"}}");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.json().get("reason").getAsString()).isEqualTo("Forbidden");
    assertThat(refused.json().get("message").getAsString())
        .isEqualTo("configmaps \"forbidden\" is forbidden: refused by the test admission");

    JsonObject dry =
        raw.post(CONFIG_MAPS + "?dryRun=All", "{\"metadata\":{\"name\":\"dry\"}}").json();
    assertThat(
            dry.getAsJsonObject("metadata").getAsJsonObject("labels").get("admitted").getAsString())
        .isEqualTo("true");

    raw.patch(CONFIG_MAPS + "/plain", "application/merge-patch+json", "{\"data\":{\"k\":\"v\"}}");
    raw.delete(CONFIG_MAPS + "/plain");
    assertThat(admission.stored).containsExactly("created plain", "updated plain", "deleted plain");
  }
}
