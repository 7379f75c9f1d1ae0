package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiServiceActionTest {

  private final ApiServiceAction action = new ApiServiceAction();

  @Test
  void skipsAnApiServiceTheApiServerManages() {
    var managed =
        json(
            "{'metadata':{'name':'v1.apps','labels':{'kube-aggregator.kubernetes.io/automanaged':'onstart'}}}");

    assertThat(apply(action, managed, context()).skipReason())
        .isEqualTo("APIService managed by the Kubernetes API server");
  }

  @Test
  void restoresAnApiServiceOfAnExtensionServerUnchanged() {
    var extension =
        json(
            "{'metadata':{'name':'v1beta1.metrics.k8s.io','labels':{'k8s-app':'metrics-server'}},'spec':{}}");

    var applied = apply(action, extension, context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item()).isEqualTo(extension);
  }
}
