package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceActionTest {

  private final ServiceAction action = new ServiceAction();

  @Test
  void clearsClusterIpsAndAssignedNodePorts() {
    var service =
        json(
            """
            {'metadata':{'name':'s'},'spec':{'type':'NodePort','clusterIP':'10.0.0.5','clusterIPs':['10.0.0.5'],
              'ports':[{'name':'http','port':80,'protocol':'TCP','nodePort':30080}]}}
            """);

    var applied = apply(action, service, context());

    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'s'},'spec':{'type':'NodePort',
                  'ports':[{'name':'http','port':80,'protocol':'TCP'}]}}
                """));
  }

  @Test
  void keepsAHeadlessServicesClusterIpAndPortsWithoutNodePorts() {
    var service =
        json(
            """
            {'metadata':{'name':'s'},'spec':{'clusterIP':'None','clusterIPs':['None'],
              'ports':[{'port':80,'protocol':'TCP'}]}}
            """);

    assertThat(apply(action, service, context()).item()).isEqualTo(service);
  }

  @Test
  void keepsNodePortsSetInTheLastAppliedConfiguration() {
    String lastApplied =
        "{\\\"spec\\\":{\\\"ports\\\":[{\\\"name\\\":\\\"http\\\",\\\"nodePort\\\":30080},"
            + "{\\\"port\\\":81,\\\"nodePort\\\":\\\"30081\\\"}]}}";
    var service =
        json(
            """
            {'metadata':{'name':'s','annotations':{'kubectl.kubernetes.io/last-applied-configuration':'%s'}},
             'spec':{'type':'NodePort','ports':[
               {'name':'http','port':80,'protocol':'TCP','nodePort':30080},
               {'name':'admin','port':90,'protocol':'TCP','nodePort':30090},
               {'port':81,'protocol':'TCP','nodePort':30081},
               {'port':82,'protocol':'TCP','nodePort':30082}]}}
            """
                .formatted(lastApplied));

    var applied = apply(action, service, context());

    assertThat(applied.item().getAsJsonObject("spec").get("ports"))
        .isEqualTo(
            json("""
                    {'p':[{'name':'http','port':80,'protocol':'TCP','nodePort':30080},
                      {'name':'admin','port':90,'protocol':'TCP'},
                      {'port':81,'protocol':'TCP','nodePort':30081},
                      {'port':82,'protocol':'TCP'}]}
                    """)
                .get("p"));
  }

  @Test
  void keepsNodePortsOwnedInServerSideApplyManagedFields() {
    var service =
        json(
            """
            {'metadata':{'name':'s','managedFields':[
               {'manager':'kubectl','operation':'Apply','fieldsV1':{'f:spec':{'f:ports':{
                 'k:{\\'port\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:nodePort':{},'f:port':{}},
                 'k:{\\'port\\':90,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:port':{}}}}}}]},
             'spec':{'type':'NodePort','ports':[
               {'port':80,'protocol':'TCP','nodePort':30080},{'port':90,'protocol':'TCP','nodePort':30090}]}}
            """);

    var applied = apply(action, service, context());

    assertThat(applied.item().getAsJsonObject("spec").get("ports"))
        .isEqualTo(
            json("""
                    {'p':[{'port':80,'protocol':'TCP','nodePort':30080},{'port':90,'protocol':'TCP'}]}
                    """)
                .get("p"));
  }

  @Test
  void clearsAnAssignedHealthCheckNodePortOfALocalLoadBalancer() {
    var service =
        json(
            """
            {'metadata':{'name':'s'},'spec':{'type':'LoadBalancer','externalTrafficPolicy':'Local',
              'healthCheckNodePort':32000,'ports':[]}}
            """);

    assertThat(apply(action, service, context()).item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'s'},'spec':{'type':'LoadBalancer','externalTrafficPolicy':'Local',
                  'ports':[]}}
                """));
  }

  @Test
  void keepsAHealthCheckNodePortSetInTheLastAppliedConfiguration() {
    var service =
        json(
            """
            {'metadata':{'name':'s','annotations':{'kubectl.kubernetes.io/last-applied-configuration':
               '{\\'spec\\':{\\'healthCheckNodePort\\':32000}}'}},
             'spec':{'type':'LoadBalancer','externalTrafficPolicy':'Local','healthCheckNodePort':32000}}
            """);

    assertThat(apply(action, service, context()).item()).isEqualTo(service);
  }

  @Test
  void keepsEveryNodePortWhenTheRestorePreservesThem() {
    var preserve =
        new RestoreContext(
            "b1", "r1", Map.of(), Set.of(), true, ExistingServiceAccounts.NONE, VolumePlan.none());
    var service =
        json(
            """
            {'metadata':{'name':'s'},'spec':{'type':'LoadBalancer','externalTrafficPolicy':'Local',
              'healthCheckNodePort':32000,'clusterIP':'10.0.0.5',
              'ports':[{'port':80,'protocol':'TCP','nodePort':30080}]}}
            """);

    assertThat(apply(action, service, preserve).item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'s'},'spec':{'type':'LoadBalancer','externalTrafficPolicy':'Local',
                  'healthCheckNodePort':32000,'ports':[{'port':80,'protocol':'TCP','nodePort':30080}]}}
                """));
  }

  @Test
  void leavesTheNodePortsOfAnExternalNameServiceAlone() {
    var service =
        json(
            """
            {'metadata':{'name':'s'},'spec':{'type':'ExternalName','externalName':'db.example.com',
              'ports':[{'port':80,'protocol':'TCP','nodePort':30080}]}}
            """);

    assertThat(apply(action, service, context()).item()).isEqualTo(service);
  }

  @Test
  void aLastAppliedConfigurationThatIsNotJsonIsRefusedWithTheServiceNamed() {
    var service =
        json(
            """
            {'metadata':{'name':'s','namespace':'shop',
               'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'not json'}},
             'spec':{'type':'NodePort','ports':[{'port':80,'nodePort':30080}]}}
            """);

    assertThatThrownBy(() -> apply(action, service, context()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Service shop/s: annotation kubectl.kubernetes.io/last-applied-configuration is not a"
                + " JSON object");
  }
}
