package dev.tugboat.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchivePathTest {

  @Test
  void formatsTheClassicCopyOfANamespacedItem() {
    ArchivePath path = ArchivePath.classic("deployments.apps", "shop", "web");

    assertThat(path.entryName()).isEqualTo("resources/deployments.apps/namespaces/shop/web.json");
    assertThat(path.isClassicCopy()).isTrue();
    assertThat(path.isClusterScoped()).isFalse();
  }

  @Test
  void formatsThePreferredVersionCopyOfAClusterScopedItem() {
    ArchivePath path =
        ArchivePath.inPreferredVersion(
            "clusterroles.rbac.authorization.k8s.io", "v1", null, "system:controller:x");

    assertThat(path.entryName())
        .isEqualTo(
            "resources/clusterroles.rbac.authorization.k8s.io/v1-preferredversion/cluster/system:controller:x.json");
    assertThat(path.isClassicCopy()).isFalse();
    assertThat(path.isClusterScoped()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "resources/pods/namespaces/default/web-0.json, pods, null, false, default, web-0",
        "resources/namespaces/cluster/kube-system.json, namespaces, null, false, null, kube-system",
        "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json,"
            + " deployments.apps, v1, true, shop, web",
        "resources/deployments.extensions/v1beta1/namespaces/shop/web.json,"
            + " deployments.extensions, v1beta1, false, shop, web",
        "resources/configmaps/namespaces/kube-system/kube-root-ca.crt.json,"
            + " configmaps, null, false, kube-system, kube-root-ca.crt",
        "resources/rolebindings.rbac.authorization.k8s.io/namespaces/kube-system/system::leader-locking-kube-scheduler.json,"
            + " rolebindings.rbac.authorization.k8s.io, null, false, kube-system,"
            + " system::leader-locking-kube-scheduler",
      })
  void parsesEveryFormOfTheGrammarAndFormatsItBack(
      String entryName,
      String groupResource,
      String version,
      boolean preferred,
      String namespace,
      String name) {
    ArchivePath path = ArchivePath.parse(entryName);

    assertThat(path).isEqualTo(new ArchivePath(groupResource, version, preferred, namespace, name));
    assertThat(path.entryName()).isEqualTo(entryName);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "resources/pods/web.json | is not resources/<group-resource>/.../<name>.json",
        "other/pods/cluster/web.json | is not resources/<group-resource>/.../<name>.json",
        "resources/pods/cluster/web.yaml | does not end with .json",
        "resources/pods/namespaces/web.json | has no namespaces/<namespace>/ or cluster/ folder",
        "resources/pods/namespaces/shop/extra/web.json | has no namespaces/<namespace>/ or cluster/",
        "resources/pods/v1/v2/cluster/web.json | has no namespaces/<namespace>/ or cluster/ folder",
        "resources/pods/cluster/.json | The name must not be empty",
        "resources/pods/-preferredversion/cluster/web.json | The version must not be empty",
      })
  void rejectsPathsOutsideTheGrammar(String entryName, String reason) {
    assertThatThrownBy(() -> ArchivePath.parse(entryName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", ".", ".."})
  void rejectsPartsThatAreNotASinglePathSegment(String value) {
    String expected = "'" + value + "': it must be a single path segment";

    assertThatThrownBy(() -> ArchivePath.classic(value, "ns", "web"))
        .hasMessage("Invalid group-resource " + expected);
    assertThatThrownBy(() -> ArchivePath.classic("pods", value, "web"))
        .hasMessage("Invalid namespace " + expected);
    assertThatThrownBy(() -> ArchivePath.classic("pods", "ns", value))
        .hasMessage("Invalid name " + expected);
    assertThatThrownBy(() -> ArchivePath.inPreferredVersion("pods", value, "ns", "web"))
        .hasMessage("Invalid version " + expected);
  }

  @Test
  void rejectsEmptyParts() {
    assertThatThrownBy(() -> ArchivePath.classic("", "ns", "web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The group-resource must not be empty");
    assertThatThrownBy(() -> ArchivePath.classic("pods", "", "web"))
        .hasMessage("The namespace must not be empty");
  }

  @Test
  void rejectsVersionFoldersThatWouldReadAsScopeFolders() {
    assertThatThrownBy(() -> new ArchivePath("pods", "cluster", false, null, "web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid version 'cluster': it would be read as a scope folder");
    assertThatThrownBy(() -> new ArchivePath("pods", null, true, null, "web"))
        .hasMessage("A preferred-version path needs a version (item 'web')");
  }
}
