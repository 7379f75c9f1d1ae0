package dev.tugboat.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ResourceDiscovery} finds the core and apps types Tugboat backs up, in their v1. */
class ResourceDiscoveryScenarioTest {

  @RegisterExtension static ClusterTarget target = ClusterTarget.fromSystemProperties();

  @Test
  void findsCoreAndAppsTypesInTheirPreferredVersions() {
    ResourceCatalog catalog = new ResourceDiscovery(target.apiClient()).discover();

    ApiResource configMaps = catalog.find("", "configmaps").orElseThrow();
    assertThat(configMaps.kind()).isEqualTo("ConfigMap");
    assertThat(configMaps.apiVersion()).isEqualTo("v1");
    assertThat(configMaps.preferredVersion()).isEqualTo("v1");
    assertThat(configMaps.namespaced()).isTrue();
    assertThat(configMaps.verbs()).contains("create", "delete", "get", "list", "patch", "watch");

    ApiResource namespaces = catalog.find("", "namespaces").orElseThrow();
    assertThat(namespaces.kind()).isEqualTo("Namespace");
    assertThat(namespaces.namespaced()).isFalse();

    ApiResource deployments = catalog.find("apps", "deployments").orElseThrow();
    assertThat(deployments.kind()).isEqualTo("Deployment");
    assertThat(deployments.apiVersion()).isEqualTo("apps/v1");
    assertThat(deployments.preferredVersion()).isEqualTo("v1");
    assertThat(deployments.namespaced()).isTrue();

    assertThat(catalog.forKind("apps", "StatefulSet").orElseThrow().apiVersion())
        .isEqualTo("apps/v1");
    assertThat(catalog.forKind("", "Secret").orElseThrow().groupResource()).isEqualTo("secrets");
  }
}
