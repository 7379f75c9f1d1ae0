package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleBindingActionTest {

  private final RoleBindingAction action = new RoleBindingAction();

  private static final String BINDING =
      """
      {'kind':'ClusterRoleBinding','metadata':{'name':'b'},'roleRef':{'kind':'ClusterRole','name':'view'},
       'subjects':[{'kind':'ServiceAccount','name':'app','namespace':'shop'},
                   {'kind':'ServiceAccount','name':'ci','namespace':'tools'},
                   {'kind':'Group','name':'devs','apiGroup':'rbac.authorization.k8s.io'}]}
      """;

  @Test
  void movesSubjectsOfMappedNamespaces() {
    var applied = apply(action, json(BINDING), context(Map.of("shop", "shop2")));

    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'kind':'ClusterRoleBinding','metadata':{'name':'b'},'roleRef':{'kind':'ClusterRole','name':'view'},
                 'subjects':[{'kind':'ServiceAccount','name':'app','namespace':'shop2'},
                             {'kind':'ServiceAccount','name':'ci','namespace':'tools'},
                             {'kind':'Group','name':'devs','apiGroup':'rbac.authorization.k8s.io'}]}
                """));
  }

  @Test
  void leavesSubjectsAloneWithoutAMappingOfTheirNamespace() {
    var applied = apply(action, json(BINDING), context(Map.of("other", "other2")));

    assertThat(applied.item()).isEqualTo(json(BINDING));
  }

  @Test
  void appliesToRoleBindingsAndClusterRoleBindings() {
    assertThat(action.appliesTo("rolebindings.rbac.authorization.k8s.io")).isTrue();
    assertThat(action.appliesTo("clusterrolebindings.rbac.authorization.k8s.io")).isTrue();
    assertThat(action.appliesTo("roles.rbac.authorization.k8s.io")).isFalse();
  }
}
