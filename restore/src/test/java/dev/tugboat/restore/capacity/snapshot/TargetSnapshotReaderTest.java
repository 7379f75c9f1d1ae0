package dev.tugboat.restore.capacity.snapshot;

import static dev.tugboat.restore.capacity.snapshot.FakeApiServer.list;
import static dev.tugboat.restore.capacity.snapshot.TargetSnapshotBuilderTest.json;
import static dev.tugboat.restore.capacity.snapshot.TargetSnapshotBuilderTest.node;
import static dev.tugboat.restore.capacity.snapshot.TargetSnapshotBuilderTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetSnapshotReaderTest {

  private final FakeApiServer server = new FakeApiServer();

  TargetSnapshotReaderTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listsEachTypeInPagesOf500AndFoldsThemIntoTheSnapshot() {
    server.answer(
        "/api/v1/nodes?limit=500&watch=false",
        list("Node", "n-2", node("n1", "True", ""), node("n2", "False", "")));
    server.answer(
        "/api/v1/nodes?continue=n-2&limit=500&watch=false",
        list("Node", "", node("n3", "True", "")));
    server.answer(
        "/api/v1/pods?limit=500&watch=false",
        list(
            "Pod",
            "p-2",
            pod("blog", "a", "n1", "Running", "100m"),
            pod("blog", "b", null, "Pending", "200m")));
    server.answer(
        "/api/v1/pods?continue=p-2&limit=500&watch=false",
        list("Pod", "", pod("shop", "c", "n1", "Running", "300m")));
    server.answer(
        "/api/v1/namespaces/shop/resourcequotas?limit=500&watch=false",
        list(
            "ResourceQuota",
            "",
            json(
                "{'metadata':{'namespace':'shop','name':'q'},'spec':{'hard':{'pods':'10'}},"
                    + "'status':{'used':{'pods':'1'}}}")));
    server.answer(
        "/api/v1/namespaces/shop/limitranges?limit=500&watch=false", list("LimitRange", ""));
    server.answer(
        "/api/v1/namespaces/new/resourcequotas?limit=500&watch=false", list("ResourceQuota", ""));
    server.answer(
        "/api/v1/namespaces/new/limitranges?limit=500&watch=false",
        list(
            "LimitRange",
            "",
            json(
                "{'metadata':{'namespace':'new','name':'d'},'spec':{'limits':[{'type':"
                    + "'Container','defaultRequest':{'cpu':'100m'}}]}}")));

    TargetSnapshot snapshot = new TargetSnapshotReader(server.client()).read(Set.of("shop", "new"));

    assertThat(server.requests())
        .containsExactly(
            "GET /api/v1/nodes?limit=500&watch=false",
            "GET /api/v1/nodes?continue=n-2&limit=500&watch=false",
            "GET /api/v1/pods?limit=500&watch=false",
            "GET /api/v1/pods?continue=p-2&limit=500&watch=false",
            "GET /api/v1/namespaces/new/resourcequotas?limit=500&watch=false",
            "GET /api/v1/namespaces/new/limitranges?limit=500&watch=false",
            "GET /api/v1/namespaces/shop/resourcequotas?limit=500&watch=false",
            "GET /api/v1/namespaces/shop/limitranges?limit=500&watch=false");
    assertThat(snapshot.nodes())
        .extracting(node -> node.name() + " " + node.used())
        .containsExactly("n1 cpu=400m memory=2Gi pods=2", "n3 0");
    assertThat(snapshot.ineligibleNodes())
        .containsExactly(new IneligibleNode("n2", "not Ready (Ready condition is False)"));
    assertThat(snapshot.pendingPods()).extracting(PendingPod::name).containsExactly("b");
    assertThat(snapshot.quotas().keySet()).containsExactly("shop");
    assertThat(snapshot.quotaIn("shop").orElseThrow().used().get("pods")).isEqualTo(1);
    assertThat(snapshot.limitRanges().keySet()).containsExactly("new");
  }
}
