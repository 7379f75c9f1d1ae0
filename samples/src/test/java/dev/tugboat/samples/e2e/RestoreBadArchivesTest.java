package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A backup whose archive is bad is refused with exit code 4 and a message naming what is wrong,
 * before the restore writes anything: the target cluster serves no write request at all, although
 * every archive starts with good items a careless restore would already have created.
 */
class RestoreBadArchivesTest {

  private static final String BAD_ENTRY = "resources/configmaps/namespaces/shop/bad.json";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder().sandbox("target", options -> options.simulation(false)).build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @BeforeEach
  void resetCounters() {
    sandboxes.sandbox("target").resetStats();
  }

  static Stream<Arguments> badArchives() throws IOException {
    byte[] whole = archiveWith(BAD_ENTRY, configMap("bad", "shop"));
    return Stream.of(
        Arguments.of(
            "corrupt-gzip",
            "this is not gzip at all".getBytes(StandardCharsets.UTF_8),
            "Archive is truncated or corrupt before the first entry: Input is not in the .gz"
                + " format"),
        Arguments.of(
            "truncated-tar",
            Arrays.copyOf(whole, whole.length / 2),
            // Where the cut falls, inside an entry or between two, depends on how the archive
            // compressed (its entries carry the time they were written): "while reading entry" or
            // "after entry", both naming it.
            "entry 'resources/configmaps/namespaces/shop/"),
        Arguments.of(
            "path-traversal",
            archiveWith("resources/../../etc/evil.json", configMap("evil", "shop")),
            "Refusing archive entry 'resources/../../etc/evil.json': its path has a '..' segment"),
        Arguments.of(
            "not-an-object",
            archiveWith(BAD_ENTRY, "[1, 2]"),
            "Archive entry '" + BAD_ENTRY + "' is not a JSON object"),
        Arguments.of(
            "namespace-mismatch",
            archiveWith(BAD_ENTRY, configMap("bad", "blog")),
            "Archive entry '" + BAD_ENTRY + "' holds an object of namespace 'blog', not 'shop'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArchives")
  void aBadArchiveIsRefusedBeforeAnyWrite(String backup, byte[] archive, String message)
      throws Exception {
    PublishedArchives.publish(tugboat.store(), backup, archive);

    RunnerFixture.Result result =
        TugboatRestore.create(tugboat, sandboxes.kubeconfig("target"), "from-" + backup, backup);

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
    assertThat(result.err()).contains(message);
    assertThat(WriteRequests.of(sandboxes.sandbox("target"))).isEmpty();
    assertThat(sandboxes.sandbox("target").state().get("v1", "Namespace", "", "shop")).isEmpty();
  }

  /**
   * A format 1.1.0 archive: the shop namespace, forty good ConfigMaps, then {@code content} at
   * {@code path}.
   */
  private static byte[] archiveWith(String path, String content) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("metadata/version", "1.1.0\n");
    entries.put(
        "resources/namespaces/cluster/shop.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}");
    for (int i = 0; i < 40; i++) {
      String name = String.format("good-%02d", i);
      entries.put(
          "resources/configmaps/namespaces/shop/" + name + ".json", configMap(name, "shop"));
    }
    entries.put(path, content);
    return PublishedArchives.tarGz(entries);
  }

  private static String configMap(String name, String namespace) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + namespace
        + "\"},\"data\":{\"padding\":\""
        + "x".repeat(200)
        + "\"}}";
  }
}
