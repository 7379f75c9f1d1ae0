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

  @Test
  void skipsMirrorPods() {
    var pod =
        json(
            "{'metadata':{'name':'p','annotations':{'kubernetes.io/config.mirror':'abc'}},'spec':{}}");

    assertThat(apply(action, pod, context()).skipReason())
        .isEqualTo("mirror pod: the kubelet creates it from a static manifest");
  }

  @Test
  void skipsFinishedPodsByTheirBackedUpPhase() {
    var succeeded = json("{'metadata':{'name':'p'},'spec':{},'status':{'phase':'Succeeded'}}");
    var failed = json("{'metadata':{'name':'p'},'spec':{},'status':{'phase':'Failed'}}");

    assertThat(apply(action, succeeded, context()).skipReason())
        .isEqualTo("pod already finished (phase Succeeded)");
    assertThat(apply(action, failed, context()).skipReason())
        .isEqualTo("pod already finished (phase Failed)");
  }
}
