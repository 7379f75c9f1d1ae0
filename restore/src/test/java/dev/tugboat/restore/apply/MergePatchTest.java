package dev.tugboat.restore.apply;

import static dev.tugboat.restore.apply.NormaliserTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class MergePatchTest {

  @Test
  void setsChangedAndAddedFieldsAndNullsRemovedOnes() {
    JsonObject from =
        json(
            """
            {"metadata": {"name": "web", "labels": {"app": "web", "tier": "front"}},
             "spec": {"replicas": 3, "paused": true, "ports": [80, 443], "same": {"a": 1}}}
            """);
    JsonObject to =
        json(
            """
            {"metadata": {"name": "web", "labels": {"app": "web", "team": "shop"}},
             "spec": {"replicas": 2, "ports": [80], "same": {"a": 1}, "strategy": {"type": "x"}}}
            """);

    JsonObject patch = MergePatch.between(from, to);

    assertThat(patch)
        .isEqualTo(
            json(
                """
                {"metadata": {"labels": {"tier": null, "team": "shop"}},
                 "spec": {"paused": null, "replicas": 2, "ports": [80],
                          "strategy": {"type": "x"}}}
                """));
    assertThat(MergePatch.paths(patch))
        .containsExactly(
            "metadata.labels.tier",
            "metadata.labels.team",
            "spec.paused",
            "spec.replicas",
            "spec.ports",
            "spec.strategy.type");
  }

  @Test
  void replacesAValueThatChangesBetweenObjectAndScalar() {
    assertThat(MergePatch.between(json("{\"a\": {\"b\": 1}}"), json("{\"a\": 5}")))
        .isEqualTo(json("{\"a\": 5}"));
  }

  @Test
  void treatsAnExplicitNullInTheTargetAsRemoved() {
    assertThat(MergePatch.between(json("{\"a\": 1, \"b\": 2}"), json("{\"a\": null, \"b\": 2}")))
        .isEqualTo(json("{\"a\": null}"));
    assertThat(MergePatch.between(json("{\"b\": 2}"), json("{\"a\": null, \"b\": 2}")))
        .isEqualTo(new JsonObject());
  }

  @Test
  void isEmptyForEqualObjects() {
    JsonObject object = json("{\"spec\": {\"x\": [1, {\"y\": 2}]}}");

    assertThat(MergePatch.between(object, object.deepCopy())).isEqualTo(new JsonObject());
  }
}
