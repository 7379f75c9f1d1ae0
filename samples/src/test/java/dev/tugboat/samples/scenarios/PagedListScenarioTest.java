package dev.tugboat.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.PagedListReader;
import dev.tugboat.core.cluster.ResourceApplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * 1,200 ConfigMaps written in parallel with {@link ResourceApplier}, then read back page by page
 * with {@link PagedListReader}, straight through and across a restart.
 */
class PagedListScenarioTest {

  @RegisterExtension static ClusterTarget target = ClusterTarget.fromSystemProperties();

  private static final int COUNT = 1_200;
  private static final int PAGE_SIZE = 500;
  private static final int WRITERS = 8;

  /**
   * Selects only what this test wrote: a real cluster puts {@code kube-root-ca.crt} into every new
   * namespace.
   */
  private static final String SELECTOR = "tugboat.dev/scenario=paging";

  private ExecutorService writers;

  @BeforeEach
  void createConfigMapsInParallel() throws InterruptedException, ExecutionException {
    writers = Executors.newFixedThreadPool(WRITERS);
    ResourceApplier applier = ResourceApplier.live(target.apiClient());
    List<Future<ApplyOutcome>> outcomes = new ArrayList<>();
    for (String name : expectedNames(0)) {
      JsonObject configMap =
          ConfigMaps.configMap(
              target.namespace(),
              name,
              Map.of("tugboat.dev/scenario", "paging"),
              Map.of("name", name));
      outcomes.add(writers.submit(() -> applier.create(ConfigMaps.RESOURCE, configMap).outcome()));
    }
    List<ApplyOutcome> results = new ArrayList<>();
    for (Future<ApplyOutcome> outcome : outcomes) {
      results.add(outcome.get());
    }
    assertThat(results.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting())))
        .isEqualTo(Map.of(ApplyOutcome.CREATED, (long) COUNT));
  }

  @AfterEach
  void stopWriters() {
    writers.shutdownNow();
  }

  @Test
  void readsEveryConfigMapOnceInNameOrder() {
    PagedListReader reader = reader();
    reader.open(new ExecutionContext());

    List<String> names = readToEnd(reader);

    assertThat(names).containsExactlyElementsOf(expectedNames(0));
    assertThat(reader.readCount()).isEqualTo(COUNT);
  }

  @Test
  void aRestartFromTheSavedContextReadsExactlyTheRest() {
    int readBeforeRestart = 650; // past the first page, inside the second
    ExecutionContext saved = new ExecutionContext();
    PagedListReader first = reader();
    first.open(new ExecutionContext());
    List<String> before = new ArrayList<>();
    for (int i = 0; i < readBeforeRestart; i++) {
      before.add(nameOf(first.read()));
    }
    first.update(saved);
    first.close();

    PagedListReader restarted = reader();
    restarted.open(saved);
    List<String> after = readToEnd(restarted);

    assertThat(before).containsExactlyElementsOf(expectedNames(0).subList(0, readBeforeRestart));
    assertThat(after).containsExactlyElementsOf(expectedNames(readBeforeRestart));
    assertThat(restarted.readCount()).isEqualTo(COUNT);
  }

  private static PagedListReader reader() {
    return PagedListReader.builder("configmaps", target.apiClient(), ConfigMaps.RESOURCE)
        .namespace(target.namespace())
        .labelSelector(SELECTOR)
        .pageSize(PAGE_SIZE)
        .build();
  }

  private static List<String> readToEnd(PagedListReader reader) {
    List<String> names = new ArrayList<>();
    JsonObject item;
    while ((item = reader.read()) != null) {
      names.add(nameOf(item));
    }
    return names;
  }

  /** {@code cm-0000} to {@code cm-1199} from {@code first} on; zero-padded, so sorted by name. */
  private static List<String> expectedNames(int first) {
    return IntStream.range(first, COUNT).mapToObj(i -> String.format("cm-%04d", i)).toList();
  }

  private static String nameOf(JsonObject item) {
    return item.getAsJsonObject("metadata").get("name").getAsString();
  }
}
