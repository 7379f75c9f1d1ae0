package dev.tugboat.restore.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedObjectsTest {

  private static final JsonObject DEPLOYMENT =
      json(
          """
          {"apiVersion":"apps/v1","kind":"Deployment",
           "metadata":{"name":"web","namespace":"shop","uid":"d-1"}}""");

  private static final JsonObject REPLICA_SET =
      json(
          """
          {"apiVersion":"apps/v1","kind":"ReplicaSet",
           "metadata":{"name":"web-7d4b9","namespace":"shop","uid":"rs-1",
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web",
             "uid":"d-1","controller":true,"blockOwnerDeletion":true}]}}""");

  private static final JsonObject POD =
      json(
          """
          {"apiVersion":"v1","kind":"Pod",
           "metadata":{"name":"web-7d4b9-x2k8p","namespace":"shop","uid":"p-1",
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d4b9",
             "uid":"rs-1","controller":true,"blockOwnerDeletion":true}]}}""");

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static OwnedObjects restoring(JsonObject... items) {
    return OwnedObjects.leftToControllers(Arrays.stream(items).map(RestoredObject::of).toList());
  }

  @Test
  void leavesAReplicaSetToItsRestoredDeploymentAndAPodToItsReplicaSet() {
    OwnedObjects owned = restoring(DEPLOYMENT, REPLICA_SET, POD);

    assertThat(owned.skipReason(REPLICA_SET))
        .contains(
            "controlled by Deployment shop/web, which this restore brings back and which"
                + " recreates it (--include-owned restores it)");
    assertThat(owned.skipReason(POD))
        .contains(
            "controlled by ReplicaSet shop/web-7d4b9, which this restore brings back and which"
                + " recreates it (--include-owned restores it)");
    assertThat(owned.skipReason(DEPLOYMENT)).isEmpty();
  }

  @Test
  void restoresAnObjectWhoseOwnerIsNotRestored() {
    // a restore filtered to Deployments and Pods: nothing brings the ReplicaSet back
    assertThat(restoring(DEPLOYMENT, POD).skipReason(POD)).isEmpty();
  }

  @Test
  void restoresAnObjectWhoseOwnerInTheBackupHasAnotherUid() {
    JsonObject replacedDeployment =
        json(
            """
            {"kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"d-2"}}""");

    assertThat(restoring(replacedDeployment).skipReason(REPLICA_SET)).isEmpty();
  }

  @Test
  void matchesAnOwnerWithoutUidByKindAndName() {
    JsonObject deploymentWithoutUid =
        json("{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"}}");

    assertThat(restoring(deploymentWithoutUid).skipReason(REPLICA_SET))
        .contains(
            "controlled by Deployment shop/web, which this restore brings back and which"
                + " recreates it (--include-owned restores it)");
  }

  @Test
  void restoresAnObjectWhoseOwnerNameIsInAnotherNamespace() {
    JsonObject deploymentElsewhere =
        json(
            """
            {"kind":"Deployment","metadata":{"name":"web","namespace":"staging","uid":"d-1"}}""");

    assertThat(restoring(deploymentElsewhere).skipReason(REPLICA_SET)).isEmpty();
  }

  @Test
  void restoresAnObjectWhoseOwnerHasTheNameButAnotherKind() {
    JsonObject statefulSet =
        json(
            """
            {"kind":"StatefulSet","metadata":{"name":"web-7d4b9","namespace":"shop","uid":"rs-1"}}""");

    assertThat(restoring(statefulSet).skipReason(POD)).isEmpty();
  }

  @Test
  void leavesANamespacedObjectToItsRestoredClusterScopedOwner() {
    JsonObject cluster =
        json("{\"kind\":\"Cluster\",\"metadata\":{\"name\":\"edge\",\"uid\":\"c-1\"}}");
    JsonObject secret =
        json(
            """
            {"kind":"Secret","metadata":{"name":"edge-kubeconfig","namespace":"fleet",
             "ownerReferences":[{"apiVersion":"example.com/v1","kind":"Cluster","name":"edge",
              "uid":"c-1","controller":true}]}}""");

    assertThat(restoring(cluster).skipReason(secret))
        .contains(
            "controlled by Cluster edge, which this restore brings back and which recreates it"
                + " (--include-owned restores it)");
  }

  @Test
  void restoresAnObjectWhoseRestoredOwnerIsNotItsController() {
    JsonObject configMap =
        json(
            """
            {"kind":"ConfigMap","metadata":{"name":"web-settings","namespace":"shop",
             "ownerReferences":[
              {"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"d-1"},
              {"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"d-1",
               "controller":false}]}}""");

    assertThat(restoring(DEPLOYMENT).skipReason(configMap)).isEmpty();
  }

  @Test
  void restoresEveryObjectWhenOwnedObjectsAreIncluded() {
    OwnedObjects owned = OwnedObjects.includingOwned();

    assertThat(owned.skipReason(REPLICA_SET)).isEmpty();
    assertThat(owned.skipReason(POD)).isEmpty();
  }

  @Test
  void readsTheIdentityOfAnArchivedObject() {
    assertThat(RestoredObject.of(POD))
        .isEqualTo(new RestoredObject("Pod", "shop", "web-7d4b9-x2k8p", "p-1"));
    assertThat(RestoredObject.of(json("{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}")))
        .isEqualTo(new RestoredObject("Namespace", null, "shop", null));
  }

  @Test
  void refusesAnObjectWithoutKind() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RestoredObject.of(json("{\"metadata\":{\"name\":\"web\"}}")))
        .withMessage("Item without kind or metadata.name: kind=null, name=web");
  }

  @Test
  void anEmptyIndexLeavesNothingToControllers() {
    assertThat(OwnedObjects.leftToControllers(List.of()).skipReason(POD)).isEmpty();
  }
}
