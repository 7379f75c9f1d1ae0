package dev.tugboat.restore.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import org.junit.jupiter.api.Test;

public class ApplicationScopeTest {

  /** Two applications share namespace shop; web's selector is narrower and wins by priority. */
  public static final MigrationPlan PLAN =
      MigrationPlanParser.parse(
          """
          apiVersion: tugboat.dev/v1
          kind: MigrationPlan
          name: move-shop
          source: {context: primary}
          target: {context: standby}
          applications:
          - name: shop
            selector: {namespaces: [shop]}
          - name: web
            priority: 10
            selector: {namespaces: [shop], labelSelector: {matchLabels: {app: web}}}
          grouping: {label: team, defaultTier: 2}
          """);

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  private static boolean admits(String application, String item) {
    return new ApplicationScope(PLAN, application).admits(json(item));
  }

  @Test
  void anObjectTwoApplicationsSelectBelongsToTheOneOfHigherPriorityOnly() {
    String configMap =
        "{'kind':'ConfigMap','metadata':{'namespace':'shop','name':'web-conf','labels':{'app':'web'}}}";

    assertThat(admits("web", configMap)).isTrue();
    assertThat(admits("shop", configMap)).isFalse();
  }

  @Test
  void anObjectOnlyTheWiderSelectorMatchesBelongsToIt() {
    String configMap = "{'kind':'ConfigMap','metadata':{'namespace':'shop','name':'db-conf'}}";

    assertThat(admits("shop", configMap)).isTrue();
    assertThat(admits("web", configMap)).isFalse();
  }

  @Test
  void aWorkloadIsMatchedByItsPodTemplateLabelsAsTheCapacityPlannerDoes() {
    String templated =
        "{'kind':'Deployment','metadata':{'namespace':'shop','name':'web'},"
            + "'spec':{'template':{'metadata':{'labels':{'app':'web'}}}}}";
    String labelledOutside =
        "{'kind':'Deployment','metadata':{'namespace':'shop','name':'api','labels':{'app':'web'}},"
            + "'spec':{'template':{'metadata':{'labels':{'app':'api'}}}}}";

    assertThat(admits("web", templated)).isTrue();
    assertThat(admits("web", labelledOutside)).isFalse();
    assertThat(admits("shop", labelledOutside)).isTrue();
  }

  @Test
  void anObjectNoListedApplicationClaimsJoinsTheApplicationOfItsGroupingLabel() {
    String blue =
        "{'kind':'Service','metadata':{'namespace':'misc','name':'a','labels':{'team':'blue'}}}";
    String unlabelled = "{'kind':'Service','metadata':{'namespace':'misc','name':'b'}}";

    assertThat(admits("blue", blue)).isTrue();
    assertThat(admits("shop", blue)).isFalse();
    assertThat(admits("blue", unlabelled)).isFalse();
  }
}
