package dev.tugboat.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.velero.BackupSpec;
import dev.tugboat.core.selection.LabelSelector;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupRequestTest {

  @Test
  void anInvalidNameIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BackupRequest.everything("Nightly_1"))
        .withMessageStartingWith(
            "invalid backup name 'Nightly_1': it must be a lowercase RFC 1123");
  }

  @Test
  void aBlankNamespacePatternIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> request(List.of(" "), "", List.of(), Duration.ofHours(1), Map.of()))
        .withMessageContaining("pattern must not be blank");
  }

  @Test
  void anExcludeOfEverythingIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BackupRequest(
                    "nightly",
                    List.of(),
                    List.of("*"),
                    List.of(),
                    List.of(),
                    IncludeClusterResources.AUTO,
                    "",
                    List.of(),
                    Duration.ofHours(1),
                    Map.of()))
        .withMessageContaining("cannot contain '*'");
  }

  @Test
  void anInvalidSelectorIsRefusedNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> request(List.of(), "app in web", List.of(), Duration.ofHours(1), Map.of()))
        .withMessageStartingWith("Invalid label selector \"app in web\"");
  }

  @Test
  void anInvalidOrSelectorIsRefusedNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> request(List.of(), "", List.of("app=web", "=x"), Duration.ofHours(1), Map.of()))
        .withMessageStartingWith("Invalid label selector \"=x\"");
  }

  @Test
  void aSelectorTogetherWithOrSelectorsIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                request(
                    List.of(),
                    "app=web",
                    List.of("tier=db", "tier=cache"),
                    Duration.ofHours(1),
                    Map.of()))
        .withMessageStartingWith("A label selector (app=web) and OR label selectors (");
  }

  @Test
  void aTtlThatIsNotPositiveIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> request(List.of(), "", List.of(), Duration.ZERO, Map.of()))
        .withMessage("The backup TTL must be positive, not PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> request(List.of(), "", List.of(), Duration.ofSeconds(-5), Map.of()))
        .withMessage("The backup TTL must be positive, not PT-5S");
  }

  @Test
  void equalRequestsGiveTheSameJsonWhateverTheOrderOfTheirLabels() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    String first = request(List.of("shop"), "app=web", List.of(), Duration.ofHours(2), ab).toJson();
    String second =
        request(List.of("shop"), " app=web ", List.of(), Duration.ofHours(2), ba).toJson();

    assertThat(first)
        .isEqualTo(second)
        .isEqualTo(
            "{\"name\":\"nightly\",\"includeNamespaces\":[\"shop\"],\"excludeNamespaces\":[],"
                + "\"includeResources\":[\"deployments.apps\"],\"excludeResources\":[],"
                + "\"includeClusterResources\":\"TRUE\",\"selector\":\"app=web\","
                + "\"orSelectors\":[],\"ttlSeconds\":7200,\"labels\":{\"a\":\"1\",\"b\":\"2\"}}");
  }

  @Test
  void differentRequestsGiveDifferentJson() {
    assertThat(request(List.of("shop"), "", List.of(), Duration.ofHours(2), Map.of()).toJson())
        .isNotEqualTo(
            request(List.of("shop"), "", List.of(), Duration.ofHours(3), Map.of()).toJson());
  }

  @Test
  void jsonReadsBackAsAnEqualRequest() {
    BackupRequest request =
        request(
            List.of("shop", "web-*"),
            "",
            List.of("app=web", "tier in (db,cache)"),
            Duration.ofSeconds(90061),
            Map.of("team", "payments"));

    assertThat(BackupRequest.fromJson(request.toJson())).isEqualTo(request);
    assertThat(BackupRequest.fromJson(BackupRequest.everything("x").toJson()))
        .isEqualTo(BackupRequest.everything("x"));
  }

  @Test
  void textThatIsNotARequestIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BackupRequest.fromJson("{not json"))
        .withMessageStartingWith("the backup request cannot be read: ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BackupRequest.fromJson(""))
        .withMessage("the backup request is empty");
  }

  @Test
  void theSpecRecordsTheRequestInVelerosTerms() {
    BackupSpec spec =
        request(
                List.of("shop"),
                "app=web",
                List.of(),
                Duration.ofHours(2),
                Map.of("team", "payments"))
            .spec();

    assertThat(spec.includedNamespaces()).containsExactly("shop");
    assertThat(spec.includedResources()).containsExactly("deployments.apps");
    assertThat(spec.includeClusterResources()).isTrue();
    assertThat(spec.labelSelector()).isEqualTo(LabelSelector.parse("app=web"));
    assertThat(spec.orLabelSelectors()).isEmpty();
    assertThat(spec.ttl()).isEqualTo(Duration.ofHours(2));
    assertThat(spec.storageLocation()).isEqualTo("default");
    assertThat(spec.labels()).isEqualTo(Map.of("team", "payments"));
  }

  @Test
  void theSpecLeavesIncludeClusterResourcesUnsetForAutoAsVeleroDoes() {
    assertThat(withClusterResources(IncludeClusterResources.AUTO).spec().includeClusterResources())
        .isNull();
    assertThat(withClusterResources(IncludeClusterResources.TRUE).spec().includeClusterResources())
        .isEqualTo(Boolean.TRUE);
    assertThat(withClusterResources(IncludeClusterResources.FALSE).spec().includeClusterResources())
        .isEqualTo(Boolean.FALSE);
  }

  @Test
  void theSpecOfARequestWithoutSelectorsSelectsEverything() {
    BackupSpec spec =
        request(List.of(), "", List.of("app=web", "tier=db"), Duration.ofHours(1), Map.of()).spec();

    assertThat(spec.labelSelector()).isEqualTo(LabelSelector.everything());
    assertThat(spec.orLabelSelectors())
        .containsExactly(LabelSelector.parse("app=web"), LabelSelector.parse("tier=db"));
    assertThat(BackupRequest.everything("x").spec().ttl()).isEqualTo(Duration.ofHours(720));
  }

  private static BackupRequest withClusterResources(IncludeClusterResources mode) {
    return new BackupRequest(
        "nightly",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        mode,
        "",
        List.of(),
        Duration.ofHours(1),
        Map.of());
  }

  private static BackupRequest request(
      List<String> namespaces,
      String selector,
      List<String> orSelectors,
      Duration ttl,
      Map<String, String> labels) {
    return new BackupRequest(
        "nightly",
        namespaces,
        List.of(),
        List.of("deployments.apps"),
        List.of(),
        IncludeClusterResources.TRUE,
        selector,
        orSelectors,
        ttl,
        labels);
  }
}
