package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

  @Test
  void ignoresKubectlsOrderDirectives() {
    assertThat(
            StrategicMergePatch.apply(
                json("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}"),
                json(
                    "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"a\"}],\"containers\":[{\"name\":\"a\",\"image\":\"y\"}]}}")))
        .isEqualTo(json("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"y\"}]}}"));
  }

  @Test
  void replacesAMapOnRequest() {
    assertThat(
            StrategicMergePatch.apply(
                json("{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}"),
                json("{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"c\":\"3\"}}}")))
        .isEqualTo(json("{\"metadata\":{\"labels\":{\"c\":\"3\"}}}"));
  }

  @Test
  void mergesFinalizersAsASetAndDeletesFromPrimitiveLists() {
    assertThat(
            StrategicMergePatch.apply(
                json("{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}"),
                json(
                    "{\"metadata\":{\"finalizers\":[\"b\",\"c\"],\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}")))
        .isEqualTo(json("{\"metadata\":{\"finalizers\":[\"b\",\"c\"]}}"));
  }

  @Test
  void mergesServicePortsByPortAndReplacesListsWithoutAKey() {
    assertThat(
            StrategicMergePatch.apply(
                json(
                    "{\"spec\":{\"ports\":[{\"port\":80,\"name\":\"http\"}],\"tolerations\":[{\"key\":\"a\"}]}}"),
                json(
                    "{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080},{\"port\":443}],\"tolerations\":[{\"key\":\"b\"}]}}")))
        .isEqualTo(
            json(
                "{\"spec\":{\"ports\":[{\"port\":80,\"name\":\"http\",\"targetPort\":8080},{\"port\":443}],\"tolerations\":[{\"key\":\"b\"}]}}"));
  }
}
