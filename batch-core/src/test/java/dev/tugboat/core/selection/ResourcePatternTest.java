package dev.tugboat.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.core.cluster.ApiResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcePatternTest {

  static final Map<String, ApiResource> RESOURCES =
      Map.of(
          "deployments.apps", resource("apps", "deployments", "Deployment", "deploy"),
          "pods", resource("", "pods", "Pod", "po"),
          "events", resource("", "events", "Event", "ev"),
          "events.events.k8s.io", resource("events.k8s.io", "events", "Event"),
          "configmaps", resource("", "configmaps", "ConfigMap", "cm"));

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
    // the wildcard
    "*, pods, true",
    "*, deployments.apps, true",
    // plural
    "deployments, deployments.apps, true",
    "deployments, pods, false",
    "PODS, pods, true",
    // plural.group
    "deployments.apps, deployments.apps, true",
    "deployments.extensions, deployments.apps, false",
    "pods.apps, pods, false",
    // kind, case-insensitive
    "Deployment, deployments.apps, true",
    "deployment, deployments.apps, true",
    "ConfigMap, configmaps, true",
    "Deployment.apps, deployments.apps, true",
    // short name
    "deploy, deployments.apps, true",
    "deploy.apps, deployments.apps, true",
    "cm, configmaps, true",
    "cm, pods, false",
    // a bare name matches in every group, a qualified one in its group only
    "events, events, true",
    "events, events.events.k8s.io, true",
    "events.events.k8s.io, events.events.k8s.io, true",
    "events.events.k8s.io, events, false",
    "ev, events.events.k8s.io, false",
  })
  void matchesEachForm(String pattern, String resource, boolean expected) {
    assertThat(ResourcePattern.parse(pattern).matches(RESOURCES.get(resource))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        " |A resource pattern must not be blank",
        "deploy*|The resource pattern 'deploy*' may use '*' only alone, meaning every resource",
        "*.apps|The resource pattern '*.apps' may use '*' only alone, meaning every resource",
        ".apps|The resource pattern '.apps' must be a resource name or 'name.group', e.g."
            + " 'deployments.apps'",
        "deployments.|The resource pattern 'deployments.' must be a resource name or"
            + " 'name.group', e.g. 'deployments.apps'",
        "config maps|The resource pattern 'config maps' must not contain whitespace",
      })
  void rejectsInvalidPatterns(String pattern, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ResourcePattern.parse(pattern))
        .withMessage(message);
  }

  static ApiResource resource(String group, String plural, String kind, String... shortNames) {
    return new ApiResource(
        group, "v1", plural, kind, true, Set.of("list", "create"), List.of(shortNames), "v1");
  }
}
