package dev.tugboat.core.selection;

import static dev.tugboat.core.selection.ResourcePatternTest.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void allSelectsEverything() {
    Selection all = Selection.all();

    assertThat(all.includesNamespace("kube-system")).isTrue();
    assertThat(all.includesAllNamespaces()).isTrue();
    assertThat(RESOURCES.values()).allMatch(all::includesResource);
    assertThat(all.includesObject("app", "web", Map.of())).isTrue();
    assertThat(all.includesObject(null, "node-1", null)).isTrue();
    assertThat(all.serverSideLabelSelector()).isEmpty();
    assertThat(all).hasToString("namespaces=*, resources=*, names=*, labels=*");
  }

  @Test
  void tellsAnIncludeListThatNamesTypesFromOneThatMeansAll() {
    assertThat(Selection.all().includesEveryResourceType()).isTrue();
    assertThat(
            Selection.builder()
                .excludeResources(List.of("pods"))
                .build()
                .includesEveryResourceType())
        .isTrue();
    assertThat(
            Selection.builder().includeResources(List.of("*")).build().includesEveryResourceType())
        .isTrue();
    assertThat(
            Selection.builder()
                .includeResources(List.of("deployments"))
                .build()
                .includesEveryResourceType())
        .isFalse();
  }

  @Test
  void namespaceExclusionWinsOverInclusion() {
    Selection selection =
        Selection.builder()
            .includeNamespaces(List.of("app-*", "shop"))
            .excludeNamespaces(List.of("app-test", "shop"))
            .build();

    assertThat(selection.includesNamespace("app-web")).isTrue();
    assertThat(selection.includesNamespace("app-test")).isFalse();
    assertThat(selection.includesNamespace("shop")).isFalse();
    assertThat(selection.includesNamespace("other")).isFalse();
    assertThat(selection.includesAllNamespaces()).isFalse();
  }

  @Test
  void excludesAloneKeepEverythingElse() {
    Selection selection =
        Selection.builder().excludeNamespaces(List.of("kube-*", "velero")).build();

    assertThat(selection.includesNamespace("default")).isTrue();
    assertThat(selection.includesNamespace("kube-system")).isFalse();
    assertThat(selection.includesNamespace("velero")).isFalse();
    assertThat(selection.includesAllNamespaces()).isFalse();
  }

  @Test
  void starInTheIncludesMeansAll() {
    Selection selection =
        Selection.builder()
            .includeNamespaces(List.of("app", "*"))
            .includeResources(List.of("pods", "*"))
            .includeNames(List.of("web", "*"))
            .build();

    assertThat(selection.includesNamespace("other")).isTrue();
    assertThat(selection.includesAllNamespaces()).isTrue();
    assertThat(selection.includesResource(RESOURCES.get("deployments.apps"))).isTrue();
    assertThat(selection.includesObject("other", "db", Map.of())).isTrue();
    assertThat(selection).hasToString("namespaces=*, resources=*, names=*, labels=*");
  }

  @Test
  void rejectsStarInTheExcludesAsVeleroDoes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Selection.builder().excludeNamespaces(List.of("*")).build())
        .withMessage("The excluded namespaces cannot contain '*': that would exclude everything");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Selection.builder().excludeResources(List.of("*")).build())
        .withMessage("The excluded resources cannot contain '*': that would exclude everything");
  }

  @Test
  void resourceExclusionWinsOverInclusion() {
    Selection selection =
        Selection.builder()
            .includeResources(List.of("deploy", "Pod", "events"))
            .excludeResources(List.of("events.events.k8s.io", "pods"))
            .build();

    assertThat(selection.includesResource(RESOURCES.get("deployments.apps"))).isTrue();
    assertThat(selection.includesResource(RESOURCES.get("events"))).isTrue();
    assertThat(selection.includesResource(RESOURCES.get("events.events.k8s.io"))).isFalse();
    assertThat(selection.includesResource(RESOURCES.get("pods"))).isFalse();
    assertThat(selection.includesResource(RESOURCES.get("configmaps"))).isFalse();
  }

  @Test
  void filtersObjectsByNameGlobs() {
    Selection selection = Selection.builder().includeNames(List.of("web-*", "db")).build();

    assertThat(selection.includesObject("app", "web-1", Map.of())).isTrue();
    assertThat(selection.includesObject("app", "db", Map.of())).isTrue();
    assertThat(selection.includesObject("app", "db-2", Map.of())).isFalse();
  }

  @Test
  void namespaceFilterDoesNotApplyToClusterScopedObjects() {
    Selection selection = Selection.builder().includeNamespaces(List.of("app")).build();

    assertThat(selection.includesObject("other", "web", Map.of())).isFalse();
    assertThat(selection.includesObject("app", "web", Map.of())).isTrue();
    assertThat(selection.includesObject(null, "cluster-admin", Map.of())).isTrue();
    assertThat(selection.includesObject("", "cluster-admin", Map.of())).isTrue();
  }

  @Test
  void oneLabelSelectorIsPushedToTheServerAndCheckedLocally() {
    Selection selection = Selection.builder().labelSelector("tier in (web,api), app=shop").build();

    assertThat(selection.serverSideLabelSelector())
        .map(LabelSelector::toString)
        .contains("app=shop,tier in (api,web)");
    assertThat(selection.includesObject("ns", "a", Map.of("app", "shop", "tier", "web"))).isTrue();
    assertThat(selection.includesObject("ns", "a", Map.of("app", "shop", "tier", "db"))).isFalse();
    assertThat(selection)
        .hasToString("namespaces=*, resources=*, names=*, labels=app=shop,tier" + " in (api,web)");
  }

  @Test
  void orSelectorsMatchWhenAnyOneMatches() {
    Selection selection =
        Selection.builder().orLabelSelectors(List.of("app=web", "tier=db,env!=test")).build();

    assertThat(selection.includesObject("ns", "a", Map.of("app", "web"))).isTrue();
    assertThat(selection.includesObject("ns", "a", Map.of("tier", "db"))).isTrue();
    assertThat(selection.includesObject("ns", "a", Map.of("tier", "db", "env", "test"))).isFalse();
    assertThat(selection.includesObject("ns", "a", Map.of("app", "api"))).isFalse();
    assertThat(selection.includesObject("ns", "a", null)).isFalse();
    assertThat(selection.serverSideLabelSelector()).isEmpty();
    assertThat(selection)
        .hasToString(
            "namespaces=*, resources=*, names=*, labels=any of [app=web, env!=test,tier=db]");
  }

  @Test
  void aSingleOrSelectorCanBePushedToTheServer() {
    Selection selection = Selection.builder().orLabelSelectors(List.of("app==web")).build();

    assertThat(selection.serverSideLabelSelector()).contains(LabelSelector.parse("app=web"));
  }

  @Test
  void anEmptyOrSelectorMatchesEverything() {
    Selection selection = Selection.builder().orLabelSelectors(List.of("app=web", "")).build();

    assertThat(selection.includesObject("ns", "a", Map.of("app", "api"))).isTrue();
    assertThat(selection.serverSideLabelSelector()).isEmpty();
  }

  @Test
  void blankLabelSelectorMeansNone() {
    Selection selection = Selection.builder().labelSelector("  ").build();

    assertThat(selection.serverSideLabelSelector()).isEmpty();
    assertThat(selection.includesObject("ns", "a", Map.of())).isTrue();
  }

  @Test
  void tellsWhetherLabelsAreFilteredAndMatchesLabelsAlone() {
    Selection orSelectors =
        Selection.builder()
            .includeNames(List.of("web-*"))
            .orLabelSelectors(List.of("app=web", "tier=db"))
            .build();

    assertThat(orSelectors.hasLabelFilter()).isTrue();
    assertThat(orSelectors.matchesLabels(Map.of("tier", "db"))).isTrue();
    assertThat(orSelectors.matchesLabels(Map.of("app", "api"))).isFalse();
    assertThat(orSelectors.matchesLabels(null)).isFalse();
    assertThat(Selection.builder().labelSelector("app=web").build().hasLabelFilter()).isTrue();
    assertThat(Selection.all().hasLabelFilter()).isFalse();
    assertThat(Selection.all().matchesLabels(null)).isTrue();
    assertThat(
            Selection.builder().orLabelSelectors(List.of("app=web", "")).build().hasLabelFilter())
        .isFalse();
  }

  @Test
  void excludesResourceOnlyWhenAnExcludePatternNamesIt() {
    Selection selection =
        Selection.builder()
            .includeResources(List.of("deployments.apps"))
            .excludeResources(List.of("events"))
            .build();

    assertThat(selection.excludesResource(RESOURCES.get("events"))).isTrue();
    assertThat(selection.excludesResource(RESOURCES.get("events.events.k8s.io"))).isTrue();
    assertThat(selection.includesResource(RESOURCES.get("pods"))).isFalse();
    assertThat(selection.excludesResource(RESOURCES.get("pods"))).isFalse();
    assertThat(selection.excludesResource(RESOURCES.get("deployments.apps"))).isFalse();
  }

  @Test
  void rejectsLabelSelectorTogetherWithOrSelectors() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Selection.builder()
                    .labelSelector("app=web")
                    .orLabelSelectors(List.of("tier=db", "tier=api"))
                    .build())
        .withMessage(
            "A label selector (app=web) and OR label selectors (tier=db | tier=api) cannot be"
                + " combined, as in Velero; add the label selector's requirements to each OR"
                + " selector instead");
  }

  @Test
  void reportsTheInvalidEntry() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Selection.builder().includeResources(List.of("pods", "deploy*")).build())
        .withMessage(
            "The resource pattern 'deploy*' may use '*' only alone, meaning every resource");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Selection.builder().orLabelSelectors(List.of("app=web", "a b")).build())
        .withMessageStartingWith("Invalid label selector \"a b\" at column 3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Selection.builder().includeNamespaces(List.of("")).build())
        .withMessage("A namespace pattern must not be blank");
  }

  @Test
  void builderAccumulatesRepeatedOptions() {
    Selection selection =
        Selection.builder()
            .includeNamespaces(List.of("a"))
            .includeNamespaces(List.of("b"))
            .excludeResources(List.of("events"))
            .excludeResources(List.of("pods"))
            .build();

    assertThat(selection)
        .hasToString("namespaces=[a, b], resources=* except [events, pods], names=*, labels=*");
  }
}
