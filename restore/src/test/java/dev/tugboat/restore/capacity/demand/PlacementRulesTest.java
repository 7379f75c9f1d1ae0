package dev.tugboat.restore.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementRulesTest {

  private static final NodeShape SSD_NODE =
      new NodeShape("node-1", Map.of("disk", "ssd", "zone", "a", "cores", "16"), List.of());
  private static final NodeShape PLAIN_NODE = new NodeShape("node-2", Map.of(), List.of());

  private static PlacementRules rules(String podSpec) {
    return PlacementRules.of(JsonParser.parseString(podSpec).getAsJsonObject());
  }

  /** Rules with one required node affinity term holding this one expression. */
  private static PlacementRules expression(String key, String operator, String values) {
    return rules(
        """
        {"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
          "nodeSelectorTerms": [{"matchExpressions": [
            {"key": "%s", "operator": "%s", "values": [%s]}]}]}}}}
        """
            .formatted(key, operator, values));
  }

  private static NodeShape tainted(Taint taint) {
    return new NodeShape("node-3", Map.of(), List.of(taint));
  }

  private static PlacementRules tolerating(String toleration) {
    return rules("{\"tolerations\": [" + toleration + "]}");
  }

  @Test
  void aPodWithoutRulesGoesAnywhereUntainted() {
    assertThat(rules("{}").refusal(PLAIN_NODE)).isEmpty();
  }

  @Test
  void theNodeSelectorNeedsEveryLabel() {
    PlacementRules rules = rules("{\"nodeSelector\": {\"disk\": \"ssd\", \"zone\": \"a\"}}");

    assertThat(rules.refusal(SSD_NODE)).isEmpty();
    assertThat(rules.refusal(PLAIN_NODE)).contains("node selector disk=ssd");
  }

  @Test
  void inAndNotIn() {
    assertThat(expression("zone", "In", "\"a\",\"b\"").refusal(SSD_NODE)).isEmpty();
    assertThat(expression("zone", "In", "\"a\",\"b\"").refusal(PLAIN_NODE))
        .contains("node affinity zone In (a,b)");
    assertThat(expression("zone", "NotIn", "\"a\"").refusal(SSD_NODE))
        .contains("node affinity zone NotIn (a)");
    assertThat(expression("zone", "NotIn", "\"a\"").refusal(PLAIN_NODE)).isEmpty();
  }

  @Test
  void existsAndDoesNotExist() {
    assertThat(expression("disk", "Exists", "").refusal(SSD_NODE)).isEmpty();
    assertThat(expression("disk", "Exists", "").refusal(PLAIN_NODE))
        .contains("node affinity disk Exists");
    assertThat(expression("disk", "DoesNotExist", "").refusal(SSD_NODE))
        .contains("node affinity disk DoesNotExist");
    assertThat(expression("disk", "DoesNotExist", "").refusal(PLAIN_NODE)).isEmpty();
  }

  @Test
  void gtAndLtCompareIntegersAndAMissingOrTextLabelMatchesNeither() {
    assertThat(expression("cores", "Gt", "\"8\"").refusal(SSD_NODE)).isEmpty();
    assertThat(expression("cores", "Gt", "\"16\"").refusal(SSD_NODE))
        .contains("node affinity cores Gt 16");
    assertThat(expression("cores", "Lt", "\"32\"").refusal(SSD_NODE)).isEmpty();
    assertThat(expression("cores", "Lt", "\"16\"").refusal(SSD_NODE))
        .contains("node affinity cores Lt 16");
    assertThat(expression("cores", "Lt", "\"32\"").refusal(PLAIN_NODE))
        .contains("node affinity cores Lt 32");
    assertThat(expression("disk", "Gt", "\"1\"").refusal(SSD_NODE))
        .contains("node affinity disk Gt 1");
  }

  @Test
  void termsAreOredAndExpressionsAnded() {
    PlacementRules rules =
        rules(
            """
            {"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
              "nodeSelectorTerms": [
                {"matchExpressions": [{"key": "disk", "operator": "In", "values": ["ssd"]},
                                      {"key": "zone", "operator": "In", "values": ["b"]}]},
                {"matchFields": [{"key": "metadata.name", "operator": "In", "values": ["node-2"]}]}]}}}}
            """);

    assertThat(rules.refusal(PLAIN_NODE)).isEmpty();
    assertThat(rules.refusal(SSD_NODE))
        .contains("node affinity zone In (b) or metadata.name In (node-2)");
    assertThat(
            rules.refusal(new NodeShape("node-9", Map.of("disk", "ssd", "zone", "b"), List.of())))
        .isEmpty();
  }

  @Test
  void anEmptyTermOrNoTermMatchesNoNode() {
    String required =
        "{\"affinity\": {\"nodeAffinity\": {\"requiredDuringSchedulingIgnoredDuringExecution\":"
            + " {\"nodeSelectorTerms\": %s}}}}";

    assertThat(rules(required.formatted("[{}]")).refusal(PLAIN_NODE))
        .contains("node affinity empty term");
    assertThat(rules(required.formatted("[]")).refusal(PLAIN_NODE))
        .contains("node affinity has no term");
  }

  @Test
  void anUnknownOperatorIsRefusedOnRead() {
    assertThatThrownBy(() -> expression("zone", "Near", "\"a\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown operator 'Near' in the match expression on 'zone'");
  }

  @Test
  void aRepellingTaintNeedsAToleration() {
    Taint gpu = new Taint("dedicated", "gpu", "NoSchedule");

    assertThat(rules("{}").refusal(tainted(gpu)))
        .contains("taint dedicated=gpu:NoSchedule not tolerated");
    assertThat(rules("{}").refusal(tainted(new Taint("maintenance", "", "NoExecute"))))
        .contains("taint maintenance:NoExecute not tolerated");
    assertThat(rules("{}").refusal(tainted(new Taint("busy", "", "PreferNoSchedule")))).isEmpty();
  }

  @Test
  void tolerationOperatorsKeysAndEffects() {
    NodeShape node = tainted(new Taint("dedicated", "gpu", "NoSchedule"));
    Optional<String> refused = Optional.of("taint dedicated=gpu:NoSchedule not tolerated");

    assertThat(tolerating("{\"key\": \"dedicated\", \"value\": \"gpu\"}").refusal(node)).isEmpty();
    assertThat(
            tolerating("{\"key\": \"dedicated\", \"operator\": \"Equal\", \"value\": \"cpu\"}")
                .refusal(node))
        .isEqualTo(refused);
    assertThat(tolerating("{\"key\": \"dedicated\", \"operator\": \"Exists\"}").refusal(node))
        .isEmpty();
    assertThat(tolerating("{\"operator\": \"Exists\"}").refusal(node)).isEmpty();
    assertThat(tolerating("{\"key\": \"other\", \"operator\": \"Exists\"}").refusal(node))
        .isEqualTo(refused);
    assertThat(
            tolerating(
                    "{\"key\": \"dedicated\", \"operator\": \"Exists\", \"effect\": \"NoSchedule\"}")
                .refusal(node))
        .isEmpty();
    assertThat(
            tolerating(
                    "{\"key\": \"dedicated\", \"operator\": \"Exists\", \"effect\": \"NoExecute\"}")
                .refusal(node))
        .isEqualTo(refused);
  }

  @Test
  void theNodeSelectorIsCheckedBeforeTaints() {
    PlacementRules rules = rules("{\"nodeSelector\": {\"disk\": \"ssd\"}}");

    assertThat(rules.refusal(tainted(new Taint("dedicated", "gpu", "NoSchedule"))))
        .contains("node selector disk=ssd");
  }
}
