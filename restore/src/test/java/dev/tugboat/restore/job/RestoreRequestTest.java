package dev.tugboat.restore.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.modifiers.InvalidResourceModifiersException;
import dev.tugboat.restore.modifiers.ModifiedItem;
import dev.tugboat.restore.select.ApplicationScope;
import dev.tugboat.restore.select.ApplicationScopeTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreRequestTest {

  private static final String MODIFIERS =
      """
      version: v1
      resourceModifierRules:
      - conditions:
          groupResource: configmaps
        patches:
        - operation: replace
          path: "/data/color"
          value: "green"
      """;

  private static RestoreRequest request(Map<String, String> mapping, String modifiers) {
    return new RestoreRequest(
        "r1",
        "b1",
        List.of("shop", "blog"),
        List.of("kube-*"),
        List.of("deployments.apps"),
        List.of("secrets"),
        IncludeClusterResources.TRUE,
        " app=web ",
        List.of(),
        mapping,
        ExistingResourcePolicy.UPDATE,
        modifiers,
        List.of("services"),
        true,
        false,
        true);
  }

  private static RestoreRequest withNames(String name, String backup) {
    RestoreRequest everything = RestoreRequest.everything("r1", "b1");
    return new RestoreRequest(
        name,
        backup,
        everything.includeNamespaces(),
        everything.excludeNamespaces(),
        everything.includeResources(),
        everything.excludeResources(),
        everything.includeClusterResources(),
        everything.selector(),
        everything.orSelectors(),
        everything.namespaceMapping(),
        everything.existingResourcePolicy(),
        everything.resourceModifiers(),
        everything.restoreStatus(),
        false,
        false,
        false);
  }

  private static RestoreRequest withMapping(Map<String, String> mapping) {
    return request(mapping, "");
  }

  private static RestoreRequest withSelectors(String selector, List<String> orSelectors) {
    return new RestoreRequest(
        "r1",
        "b1",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        IncludeClusterResources.AUTO,
        selector,
        orSelectors,
        Map.of(),
        ExistingResourcePolicy.NONE,
        "",
        List.of(),
        false,
        false,
        false);
  }

  @Test
  void canonicalJsonHasEveryFieldWithTheMappingSorted() {
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("shop", "shop-copy");
    mapping.put("blog", "blog-copy");

    assertThat(request(mapping, "").toJson())
        .isEqualTo(
            "{\"name\":\"r1\",\"backup\":\"b1\",\"includeNamespaces\":[\"shop\",\"blog\"],"
                + "\"excludeNamespaces\":[\"kube-*\"],\"includeResources\":[\"deployments.apps\"],"
                + "\"excludeResources\":[\"secrets\"],\"includeClusterResources\":\"TRUE\","
                + "\"selector\":\"app=web\",\"orSelectors\":[],"
                + "\"namespaceMapping\":{\"blog\":\"blog-copy\",\"shop\":\"shop-copy\"},"
                + "\"existingResourcePolicy\":\"UPDATE\",\"resourceModifiers\":\"\","
                + "\"restoreStatus\":[\"services\"],\"preserveNodePorts\":true,"
                + "\"includeOwned\":false,\"dryRun\":true}");
  }

  @Test
  void equalRequestsGiveEqualTextWhateverTheMappingOrder() {
    Map<String, String> oneOrder = new LinkedHashMap<>();
    oneOrder.put("shop", "a");
    oneOrder.put("blog", "b");
    oneOrder.put("wiki", "c");
    Map<String, String> otherOrder = new LinkedHashMap<>();
    otherOrder.put("wiki", "c");
    otherOrder.put("shop", "a");
    otherOrder.put("blog", "b");

    assertThat(request(oneOrder, MODIFIERS).toJson())
        .isEqualTo(request(otherOrder, MODIFIERS).toJson());
  }

  @Test
  void jsonRoundTripGivesAnEqualRequest() {
    RestoreRequest original = request(Map.of("shop", "shop-copy", "blog", "blog-copy"), MODIFIERS);

    RestoreRequest read = RestoreRequest.fromJson(original.toJson());

    assertThat(read).isEqualTo(original);
    assertThat(read.toJson()).isEqualTo(original.toJson());
    assertThat(read.resourceModifiers()).isEqualTo(MODIFIERS);
  }

  @Test
  void missingListsAndMappingReadAsEmpty() {
    RestoreRequest read =
        RestoreRequest.fromJson(
            "{\"name\":\"r1\",\"backup\":\"b1\",\"includeClusterResources\":\"AUTO\","
                + "\"existingResourcePolicy\":\"NONE\"}");

    assertThat(read).isEqualTo(RestoreRequest.everything("r1", "b1"));
  }

  @Test
  void unreadableOrEmptyJsonIsRejected() {
    assertThatThrownBy(() -> RestoreRequest.fromJson(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the restore request is empty");
    assertThatThrownBy(() -> RestoreRequest.fromJson("{\"name\": [1]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the restore request cannot be read: ");
  }

  @Test
  void rejectsAnInvalidRestoreName() {
    assertThatThrownBy(() -> withNames("Bad_Name", "b1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restore")
        .hasMessageContaining("Bad_Name");
  }

  @Test
  void rejectsAnInvalidBackupName() {
    assertThatThrownBy(() -> withNames("r1", "../b1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backup")
        .hasMessageContaining("../b1");
  }

  @Test
  void rejectsAnInvalidMappingSource() {
    assertThatThrownBy(() -> withMapping(Map.of("Shop", "shop-copy")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--namespace-mappings: 'Shop' is not a valid source namespace (a DNS label:"
                + " lowercase letters, digits and '-', at most 63)");
  }

  @Test
  void rejectsAnInvalidMappingTarget() {
    assertThatThrownBy(() -> withMapping(Map.of("shop", "shop-")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--namespace-mappings: 'shop-' is not a valid target namespace (a DNS label:"
                + " lowercase letters, digits and '-', at most 63)");
    assertThatThrownBy(() -> withMapping(Map.of("shop", "x".repeat(64))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target namespace");
  }

  @Test
  void acceptsALongestValidMapping() {
    String longest = "a" + "-".repeat(61) + "z";

    assertThat(withMapping(Map.of("shop", longest)).namespaceMapping())
        .isEqualTo(Map.of("shop", longest));
  }

  @Test
  void rejectsASelectorWithOrSelectors() {
    assertThatThrownBy(() -> withSelectors("app=web", List.of("tier=db", "tier=cache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "A label selector (app=web) and OR label selectors (tier=db | tier=cache) cannot be"
                + " combined");
  }

  @Test
  void orSelectorsAloneAreAccepted() {
    assertThat(withSelectors("", List.of("tier=db")).selection().hasLabelFilter()).isTrue();
    assertThat(withSelectors("  ", List.of()).selection().hasLabelFilter()).isFalse();
  }

  @Test
  void rejectsInvalidResourceModifiersNamingTheProblem() {
    assertThatThrownBy(() -> request(Map.of(), "version: v2\nresourceModifierRules: []"))
        .isInstanceOf(InvalidResourceModifiersException.class)
        .hasMessage("Invalid resource modifiers: version: unsupported version 'v2' (only v1)");
  }

  @Test
  void modifiersApplyTheRequestText() {
    JsonObject configMap =
        JsonParser.parseString(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},"
                    + "\"data\":{\"color\":\"blue\"}}")
            .getAsJsonObject();

    ModifiedItem modified = request(Map.of(), MODIFIERS).modifiers().apply("configmaps", configMap);

    assertThat(modified.errors()).isEmpty();
    assertThat(modified.item().getAsJsonObject("data").toString())
        .isEqualTo("{\"color\":\"green\"}");
  }

  @Test
  void withoutTextModifiersChangeNothing() {
    JsonObject configMap =
        JsonParser.parseString(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},"
                    + "\"data\":{\"color\":\"blue\"}}")
            .getAsJsonObject();

    ModifiedItem modified = request(Map.of(), "  \n").modifiers().apply("configmaps", configMap);

    assertThat(modified.errors()).isEmpty();
    assertThat(modified.item().toString())
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},"
                + "\"data\":{\"color\":\"blue\"}}");
  }

  @Test
  void anApplicationScopeSurvivesTheJsonRoundTrip() {
    RestoreRequest everything = RestoreRequest.everything("r1", "b1");
    RestoreRequest scoped =
        new RestoreRequest(
            "r1",
            "b1",
            List.of("shop"),
            List.of(),
            List.of(),
            List.of(),
            IncludeClusterResources.AUTO,
            "",
            List.of(),
            Map.of(),
            ExistingResourcePolicy.NONE,
            "",
            List.of(),
            false,
            false,
            false,
            Optional.of(new ApplicationScope(ApplicationScopeTest.PLAN, "web")));

    RestoreRequest read = RestoreRequest.fromJson(scoped.toJson());

    assertThat(read).isEqualTo(scoped);
    assertThat(read.application().orElseThrow().application()).isEqualTo("web");
    // Without a scope the canonical text has no application field at all.
    assertThat(everything.toJson()).doesNotContain("application");
  }
}
