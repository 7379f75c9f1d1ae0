package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookActionTest {

  private final WebhookAction action = new WebhookAction();

  @Test
  void setsInvalidSideEffectsToNone() {
    var configuration =
        json(
            """
            {'apiVersion':'admissionregistration.k8s.io/v1','kind':'ValidatingWebhookConfiguration',
             'metadata':{'name':'w'},'webhooks':[{'name':'a','sideEffects':'Unknown'},{'name':'b'},
               {'name':'c','sideEffects':'NoneOnDryRun'},{'name':'d','sideEffects':'None'}]}
            """);

    assertThat(apply(action, configuration, context()).item())
        .isEqualTo(
            json(
                """
                {'apiVersion':'admissionregistration.k8s.io/v1','kind':'ValidatingWebhookConfiguration',
                 'metadata':{'name':'w'},'webhooks':[{'name':'a','sideEffects':'None'},{'name':'b','sideEffects':'None'},
                   {'name':'c','sideEffects':'NoneOnDryRun'},{'name':'d','sideEffects':'None'}]}
                """));
  }

  @Test
  void leavesOtherApiVersionsAlone() {
    var configuration =
        json(
            """
            {'apiVersion':'admissionregistration.k8s.io/v1beta1','kind':'MutatingWebhookConfiguration',
             'metadata':{'name':'w'},'webhooks':[{'name':'a','sideEffects':'Unknown'}]}
            """);

    assertThat(apply(action, configuration, context()).item()).isEqualTo(configuration);
  }

  @Test
  void appliesToBothWebhookConfigurationKinds() {
    assertThat(action.appliesTo("mutatingwebhookconfigurations.admissionregistration.k8s.io"))
        .isTrue();
    assertThat(action.appliesTo("validatingwebhookconfigurations.admissionregistration.k8s.io"))
        .isTrue();
  }
}
