package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deployment owns a replica set, which owns a pod; deleting the deployment propagates. */
class GarbageCollectionTest {

  private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/default/deployments/web";
  private static final String REPLICA_SET = "/apis/apps/v1/namespaces/default/replicasets/web-1";
  private static final String POD = "/api/v1/namespaces/default/pods/web-1-a";

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private RawApi raw;

  @BeforeEach
  void createOwnershipChain() {
    raw = new RawApi(sandbox.url());
    JsonObject deployment =
        raw.post(
                "/apis/apps/v1/namespaces/default/deployments",
                TestObjects.deployment("default", "web", 1).toString())
            .json();
    JsonObject replicaSet =
        raw.post(
                "/apis/apps/v1/namespaces/default/replicasets",
                "{\"metadata\":{\"name\":\"web-1\",\"ownerReferences\":["
                    + ownerReference(deployment)
                    + "]},\"spec\":{}}")
            .json();
    raw.post(
        "/api/v1/namespaces/default/pods",
        "{\"metadata\":{\"name\":\"web-1-a\",\"finalizers\":[\"test/hold\"],\"ownerReferences\":["
            + ownerReference(replicaSet)
            + "]},\"spec\":{\"containers\":[]}}");
  }

  @Test
  void backgroundDeletionRemovesDependentsTransitively() {
    releasePod();
    assertThat(raw.delete(DEPLOYMENT + "?propagationPolicy=Background").code()).isEqualTo(200);
    assertThat(raw.get(DEPLOYMENT).code()).isEqualTo(404);
    assertThat(raw.get(REPLICA_SET).code()).isEqualTo(404);
    assertThat(raw.get(POD).code()).isEqualTo(404);
  }

  @Test
  void foregroundDeletionWaitsForDependentsWithFinalizers() {
    RawApi.Answer answer =
        raw.delete(
            DEPLOYMENT,
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\"}");
    assertThat(answer.code()).isEqualTo(200);
    JsonObject owner = answer.json();
    assertThat(owner.getAsJsonObject("metadata").getAsJsonArray("finalizers").toString())
        .isEqualTo("[\"foregroundDeletion\"]");
    assertThat(owner.getAsJsonObject("metadata").has("deletionTimestamp")).isTrue();
    assertThat(raw.get(REPLICA_SET).json().getAsJsonObject("metadata").has("deletionTimestamp"))
        .isTrue();
    assertThat(raw.get(POD).json().getAsJsonObject("metadata").has("deletionTimestamp")).isTrue();

    releasePod();

    assertThat(raw.get(POD).code()).isEqualTo(404);
    assertThat(raw.get(REPLICA_SET).code()).isEqualTo(404);
    assertThat(raw.get(DEPLOYMENT).code()).isEqualTo(404);
  }

  @Test
  void orphanDeletionKeepsDependentsWithoutTheOwnerReference() {
    assertThat(raw.delete(DEPLOYMENT + "?propagationPolicy=Orphan").code()).isEqualTo(200);
    assertThat(raw.get(DEPLOYMENT).code()).isEqualTo(404);
    JsonObject replicaSet = raw.get(REPLICA_SET).json();
    assertThat(replicaSet.getAsJsonObject("metadata").has("ownerReferences")).isFalse();
    assertThat(raw.get(POD).code()).isEqualTo(200);
  }

  private void releasePod() {
    raw.patch(POD, "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");
  }

  private static String ownerReference(JsonObject owner) {
    return "{\"apiVersion\":\""
        + owner.get("apiVersion").getAsString()
        + "\",\"kind\":\""
        + owner.get("kind").getAsString()
        + "\",\"name\":\""
        + meta(owner, "name")
        + "\",\"uid\":\""
        + meta(owner, "uid")
        + "\",\"controller\":true,\"blockOwnerDeletion\":true}";
  }
}
