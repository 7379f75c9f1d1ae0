package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceCatalogTest {

  @Test
  void listsTheCoreGroupFirstThenByGroupThenByPlural() {
    ResourceCatalog catalog =
        new ResourceCatalog(
            List.of(
                resource("batch", "jobs"),
                resource("", "services"),
                resource("apps", "statefulsets"),
                resource("", "configmaps"),
                resource("apps", "deployments")),
            List.of());

    assertThat(catalog.resources())
        .extracting(ApiResource::groupResource)
        .containsExactly(
            "configmaps", "services", "deployments.apps", "statefulsets.apps", "jobs.batch");
  }

  @Test
  void rejectsTheSameGroupResourceTwice() {
    assertThatThrownBy(
            () ->
                new ResourceCatalog(
                    List.of(resource("apps", "deployments"), resource("apps", "deployments")),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Resource deployments.apps is listed twice");
  }

  private static ApiResource resource(String group, String plural) {
    return new ApiResource(group, "v1", plural, "Kind", true, Set.of("list"), List.of(), "v1");
  }
}
