package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodActionTest {

  private final PodAction action = new PodAction();

  @Test
  void clearsNodeAndPriorityAndDropsTheServiceAccountTokenVolumes() {
    var pod =
        json(
            """
            {'metadata':{'name':'p','namespace':'n'},
             'spec':{'nodeName':'node-1','priority':1000,'priorityClassName':'high','serviceAccountName':'app',
               'volumes':[{'name':'app-token-x7k2p','secret':{'secretName':'app-token-x7k2p'}},{'name':'data'},
                          {'name':'other-token-abc'}],
               'containers':[{'name':'c','volumeMounts':[{'name':'app-token-x7k2p','mountPath':'/t'},
                                                         {'name':'data','mountPath':'/d'}]}],
               'initContainers':[{'name':'i','volumeMounts':[{'name':'app-token-x7k2p','mountPath':'/t'}]}]},
             'status':{'phase':'Running'}}
            """);

    var applied = apply(action, pod, context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'p','namespace':'n'},
                 'spec':{'priorityClassName':'high','serviceAccountName':'app',
                   'volumes':[{'name':'data'},{'name':'other-token-abc'}],
                   'containers':[{'name':'c','volumeMounts':[{'name':'data','mountPath':'/d'}]}],
                   'initContainers':[{'name':'i','volumeMounts':[]}]},
                 'status':{'phase':'Running'}}
                """));
  }

  @Test
  void leavesAPodWithoutNodePriorityOrTokenVolumesAlone() {
    var pod =
        json(
            """
            {'metadata':{'name':'p','namespace':'n'},
             'spec':{'serviceAccountName':'app','volumes':[{'name':'data'}],
               'containers':[{'name':'c','volumeMounts':[{'name':'data','mountPath':'/d'}]}]}}
            """);

    var applied = apply(action, pod, context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item()).isEqualTo(pod);
  }
}
