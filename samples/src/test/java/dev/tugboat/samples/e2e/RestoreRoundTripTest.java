package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backup of the demo cluster (simulated: its Deployments have ReplicaSets and running Pods),
 * restored into an empty cluster: every object comes back equal, apart from the fields {@link
 * RestoredObjects} lists, except exactly those the restore leaves to controllers or changes on
 * purpose. The target runs no controllers, so what it holds afterwards is exactly what the restore
 * created.
 */
class RestoreRoundTripTest {

  private static final String BACKUP = "demo";

  /** Types a restore never brings back (Velero's non-restorable resources). */
  private static final Set<String> NEVER_RESTORED = Set.of("nodes", "events");

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "source",
              options -> options.seed(Seeds.named("demo")).nodes(new NodePool(3, "8", "32Gi")))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  private static Map<ItemKey, JsonObject> source;

  @BeforeAll
  static void backUpTheSource() throws Exception {
    assertThat(sandboxes.sandbox("source").awaitSettled(Duration.ofSeconds(30))).isTrue();
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-cluster-resources", "true");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    source = new SandboxInventory(sandboxes.sandbox("source").url()).everything();
  }

  @Test
  void everyObjectComesBackEqualExceptWhatIsLeftToControllers() throws Exception {
    SandboxExtension.Running target = emptyTarget();
    Map<ItemKey, JsonObject> before = new SandboxInventory(target.sandbox().url()).everything();

    RunnerFixture.Result result =
        TugboatRestore.create(tugboat, target.kubeconfig(), "round-trip", BACKUP);

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    Map<ItemKey, String> leftOut = LeftOutByRestore.of(source);
    assertThat(leftOut).isNotEmpty();
    Map<ItemKey, JsonObject> restored = new TreeMap<>(source);
    restored.keySet().removeAll(leftOut.keySet());
    restored.keySet().removeIf(key -> NEVER_RESTORED.contains(key.groupResource()));
    // The volumes were provisioned by the source cluster and its backup holds no copy of their
    // data: they are left out, and their claims lose spec.volumeName so the target provisions
    // new ones (velero.md 3.5).
    Set<ItemKey> volumes = keysOf("persistentvolumes");
    assertThat(volumes).hasSize(2);
    restored.keySet().removeAll(volumes);
    keysOf("persistentvolumeclaims")
        .forEach(
            claim -> {
              JsonObject expected = restored.get(claim).deepCopy();
              expected.getAsJsonObject("spec").remove("volumeName");
              restored.put(claim, expected);
            });

    Map<ItemKey, JsonObject> expectedTarget = new TreeMap<>(before);
    expectedTarget.putAll(restored);
    RestoredObjects.assertSameObjects(
        new SandboxInventory(target.sandbox().url()).everything(), expectedTarget);

    RestoreRecordsCheck records =
        RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), "round-trip");
    Set<ItemKey> unchanged = new TreeSet<>(restored.keySet());
    unchanged.retainAll(before.keySet());
    // The system namespaces existed already and are equal.
    assertThat(unchanged)
        .extracting(ItemKey::name)
        .containsExactly("default", "kube-node-lease", "kube-public", "kube-system");
    Map<String, Long> counts = new TreeMap<>();
    counts.put("created", (long) (restored.size() - unchanged.size()));
    counts.put("unchanged", (long) unchanged.size());
    counts.put("not-restored", (long) (leftOut.size() + volumes.size()));
    assertThat(records.counts()).isEqualTo(counts);
    assertThat(records.phase()).isEqualTo("Completed");
    assertThat(records.warnings()).isEmpty();
    assertThat(records.errors()).isEmpty();
    assertThat(records.withDisposition("unchanged").keySet()).containsExactlyElementsOf(unchanged);
    Map<ItemKey, String> notRestored = records.withDisposition("not-restored");
    assertThat(notRestored.keySet())
        .containsExactlyInAnyOrderElementsOf(union(leftOut.keySet(), volumes));
    leftOut.forEach(
        (key, reason) -> assertThat(notRestored.get(key)).as(key.toString()).contains(reason));
    assertThat(TugboatRestore.json(result).getAsJsonObject("items"))
        .isEqualTo(records.summary().getAsJsonObject("items"));
  }

  @Test
  void includeOwnedCreatesWhatControllersWouldHaveRecreated() throws Exception {
    SandboxExtension.Running target = emptyTarget();

    RunnerFixture.Result result =
        TugboatRestore.create(
            tugboat, target.kubeconfig(), "with-owned", BACKUP, "--include-owned");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    Map<ItemKey, String> owned = new TreeMap<>(LeftOutByRestore.of(source));
    owned.values().removeIf(reason -> !reason.startsWith("controlled by"));
    assertThat(owned.keySet().stream().map(ItemKey::groupResource).distinct())
        .containsExactlyInAnyOrder("pods", "replicasets.apps");
    Map<ItemKey, JsonObject> inTarget = new SandboxInventory(target.sandbox().url()).everything();
    owned
        .keySet()
        .forEach(
            key ->
                assertThat(RestoredObjects.normalised(inTarget.get(key)))
                    .as(key.toString())
                    .isEqualTo(RestoredObjects.normalised(asRestored(source.get(key)))));
    RestoreRecordsCheck records =
        RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), "with-owned");
    assertThat(records.withDisposition("created").keySet()).containsAll(owned.keySet());
    assertThat(records.withDisposition("not-restored").keySet())
        .doesNotContainAnyElementsOf(owned.keySet());
  }

  /**
   * What the restore changes on purpose in an object it creates with {@code --include-owned}: the
   * metadata reset drops {@code generateName} (the name is kept), and a pod's {@code spec.nodeName}
   * is dropped so that the target's scheduler places it.
   */
  private static JsonObject asRestored(JsonObject object) {
    JsonObject restored = object.deepCopy();
    restored.getAsJsonObject("metadata").remove("generateName");
    if (restored.get("kind").getAsString().equals("Pod")) {
      restored.getAsJsonObject("spec").remove("nodeName");
    }
    return restored;
  }

  private static Set<ItemKey> keysOf(String groupResource) {
    Set<ItemKey> keys = new TreeSet<>();
    source.keySet().stream()
        .filter(key -> key.groupResource().equals(groupResource))
        .forEach(keys::add);
    return keys;
  }

  private static Set<ItemKey> union(Set<ItemKey> first, Set<ItemKey> second) {
    Set<ItemKey> union = new TreeSet<>(first);
    union.addAll(second);
    return union;
  }

  private static SandboxExtension.Running emptyTarget() throws IOException {
    return sandboxes.start(SandboxOptions.builder().name("target").simulation(false).build());
  }
}
