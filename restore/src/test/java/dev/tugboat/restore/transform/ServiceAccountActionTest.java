package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceAccountActionTest {

  private final ServiceAccountAction action = new ServiceAccountAction();

  @Test
  void removesTheLastTokenSecretReferenceOnly() {
    var account =
        json(
            """
            {'metadata':{'name':'app'},'secrets':[{'name':'app-token-aaaaa'},{'name':'registry'},
              {'name':'app-token-bbbbb'}],'imagePullSecrets':[{'name':'app-token-ccccc'}]}
            """);

    var applied = apply(action, account, context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'app'},'secrets':[{'name':'app-token-aaaaa'},{'name':'registry'}],
                  'imagePullSecrets':[{'name':'app-token-ccccc'}]}
                """));
  }

  @Test
  void leavesSecretsOfOtherAccountsAlone() {
    var account =
        json(
            "{'metadata':{'name':'app'},'secrets':[{'name':'other-token-aaaaa'},{'name':'app-tok'}]}");

    var applied = apply(action, account, context());

    assertThat(applied.item()).isEqualTo(account);
  }
}
