package dev.tugboat.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outcomes {@link ResourceApplier} reports for each kind of write on the target. */
class ResourceApplierScenarioTest {

  @RegisterExtension static ClusterTarget target = ClusterTarget.fromSystemProperties();

  @Test
  void reportsWhatEachWriteDid() {
    ResourceApplier applier = ResourceApplier.live(target.apiClient());
    String namespace = target.namespace();
    JsonObject settings =
        ConfigMaps.configMap(namespace, "settings", Map.of("app", "shop"), Map.of("color", "red"));
    JsonObject patch = new JsonObject();
    patch.add("data", ConfigMaps.strings(Map.of("size", "large")));

    assertThat(applier.create(ConfigMaps.RESOURCE, settings).outcome())
        .isEqualTo(ApplyOutcome.CREATED);
    assertThat(applier.create(ConfigMaps.RESOURCE, settings).outcome())
        .isEqualTo(ApplyOutcome.ALREADY_EXISTS);

    ApplyResult patched = applier.mergePatch(ConfigMaps.RESOURCE, namespace, "settings", patch);
    assertThat(patched.outcome()).isEqualTo(ApplyOutcome.UPDATED);
    assertThat(ConfigMaps.dataOf(patched.object()))
        .isEqualTo(ConfigMaps.strings(Map.of("color", "red", "size", "large")));
    assertThat(applier.mergePatch(ConfigMaps.RESOURCE, namespace, "settings", patch).outcome())
        .isEqualTo(ApplyOutcome.UNCHANGED);

    assertThat(
            applier
                .delete(ConfigMaps.RESOURCE, namespace, "settings", DeletePropagation.BACKGROUND)
                .outcome())
        .isEqualTo(ApplyOutcome.DELETED);
    assertThat(applier.get(ConfigMaps.RESOURCE, namespace, "settings").outcome())
        .isEqualTo(ApplyOutcome.NOT_FOUND);
  }

  @Test
  void aDryRunCreateStoresNothing() {
    String namespace = target.namespace();
    JsonObject draft =
        ConfigMaps.configMap(namespace, "draft", Map.of("app", "shop"), Map.of("color", "blue"));

    ApplyResult dryRun =
        ResourceApplier.dryRun(target.apiClient()).create(ConfigMaps.RESOURCE, draft);

    assertThat(dryRun.outcome()).isEqualTo(ApplyOutcome.CREATED);
    assertThat(ConfigMaps.dataOf(dryRun.object()))
        .isEqualTo(ConfigMaps.strings(Map.of("color", "blue")));
    assertThat(
            ResourceApplier.live(target.apiClient())
                .get(ConfigMaps.RESOURCE, namespace, "draft")
                .outcome())
        .isEqualTo(ApplyOutcome.NOT_FOUND);
  }
}
