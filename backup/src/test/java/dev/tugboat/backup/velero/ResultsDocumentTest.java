package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResultsDocumentTest {

  @Test
  void nothingReportedGivesTwoEmptyResults() throws IOException {
    assertThat(Gzip.decompressed(new ResultsDocument()))
        .isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
  }

  @Test
  void writesVelerosResultShapeWithNamespacesSortedAndMessagesInOrder() throws IOException {
    ResultsDocument results = new ResultsDocument();
    results.errors().addNamespace("shop", "could not read configmaps: forbidden");
    results.errors().addNamespace("admin", "secret x changed while read");
    results.errors().addNamespace("shop", "a <second> error & more");
    results.errors().addVelero("resource type foos.example.com could not be listed");
    results.warnings().addCluster("clusterrole y was deleted while read");

    assertThat(Gzip.decompressed(results))
        .isEqualTo(
            "{\"errors\":{\"velero\":[\"resource type foos.example.com could not be listed\"],"
                + "\"namespaces\":{\"admin\":[\"secret x changed while read\"],"
                + "\"shop\":[\"could not read configmaps: forbidden\",\"a <second> error & more\"]}},"
                + "\"warnings\":{\"cluster\":[\"clusterrole y was deleted while read\"]}}\n");
  }

  @Test
  void itemMessagesGoUnderTheirNamespaceOrClusterAndAllBucketsCount() throws IOException {
    ResultsDocument results = new ResultsDocument();
    results.warnings().addItem("shop", "service shop/web already exists");
    results.warnings().addItem(null, "clusterrole viewer already exists");
    results.warnings().addItem("shop", "configmap shop/settings already exists");
    results.warnings().addVelero("backup has no items");

    assertThat(results.warnings().count()).isEqualTo(4);
    assertThat(results.errors().count()).isZero();
    assertThat(Gzip.decompressed(results))
        .isEqualTo(
            "{\"errors\":{},\"warnings\":{\"velero\":[\"backup has no items\"],"
                + "\"cluster\":[\"clusterrole viewer already exists\"],"
                + "\"namespaces\":{\"shop\":[\"service shop/web already exists\","
                + "\"configmap shop/settings already exists\"]}}}\n");
  }
}
