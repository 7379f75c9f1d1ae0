package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCommandsTest {

  static final String ARK_FIXTURE = "../../shared/research/fixtures/ark-2018-watch-proxy-extracted";

  @TempDir Path work;

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @Test
  void packedArkBackupInspectsWithExactCounts() {
    Path archive = work.resolve("ark.tar.gz");

    RunnerFixture.Result pack =
        runner.run("archive", "pack", ARK_FIXTURE, "-o", archive.toString());
    assertThat(pack.exitCode()).as(pack.err()).isZero();
    assertThat(pack.out()).startsWith("Packed 268 items into ");

    RunnerFixture.Result inspect =
        runner.run("archive", "inspect", archive.toString(), "--output", "json");
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    JsonObject summary = JsonParser.parseString(inspect.out()).getAsJsonObject();
    assertThat(summary.get("formatVersion").getAsString()).isEqualTo("1.1.0");
    assertThat(summary.get("items").getAsLong()).isEqualTo(268);
    assertThat(summary.get("versionedCopies").getAsLong()).isEqualTo(268);
    assertThat(summary.getAsJsonObject("itemsPerResource").get("pods").getAsLong()).isEqualTo(18);
    assertThat(summary.getAsJsonArray("namespaces")).hasSize(6);
  }

  @Test
  void truncatedArchiveIsAPreconditionErrorWithOneLineReason() throws IOException {
    Path archive = work.resolve("ark.tar.gz");
    assertThat(runner.run("archive", "pack", ARK_FIXTURE, "-o", archive.toString()).exitCode())
        .isZero();
    byte[] bytes = Files.readAllBytes(archive);
    Path truncated = work.resolve("truncated.tar.gz");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

    RunnerFixture.Result inspect = runner.run("archive", "inspect", truncated.toString());

    assertThat(inspect.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(inspect.err()).startsWith("tugboat: ").contains("truncated");
    assertThat(inspect.err().lines()).hasSize(1);
  }

  @Test
  void missingArchiveIsAPreconditionError() {
    RunnerFixture.Result inspect =
        runner.run("archive", "inspect", work.resolve("nope.tar.gz").toString());

    assertThat(inspect.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(inspect.err()).contains("nope.tar.gz");
  }

  @Test
  void failedPackLeavesNoArchive() throws IOException {
    Path broken = work.resolve("broken");
    Files.createDirectories(broken.resolve("resources/pods/namespaces/a"));
    Files.writeString(broken.resolve("resources/pods/namespaces/a/p.json"), "{}");
    Path archive = work.resolve("out/broken.tar.gz");

    RunnerFixture.Result pack =
        runner.run("archive", "pack", broken.toString(), "-o", archive.toString());

    assertThat(pack.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(pack.err())
        .isEqualTo("tugboat: resources/pods/namespaces/a/p.json has no apiVersion\n");
    try (var left = Files.list(archive.getParent())) {
      assertThat(left).isEmpty();
    }
  }
}
