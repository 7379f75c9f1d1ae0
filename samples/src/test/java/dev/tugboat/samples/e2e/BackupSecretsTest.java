package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.SandboxExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup reads Secrets, and their values never reach what a person or a log collector sees: the
 * output of a backup process with every logger at debug level or finer, the output of {@code backup
 * logs}, the backup's log file.
 */
class BackupSecretsTest {

  private static final String VALUE = "e2e-Secret-Value-7Qz1xW";
  private static final String VALUE_BASE64 =
      Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8));

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @Test
  void aSecretIsBackedUpButItsValueIsInNoLogAndNoOutput(@TempDir Path childHome) throws Exception {
    sandbox
        .sandbox()
        .state()
        .create(
            JsonParser.parseString(
                    """
                    {"apiVersion": "v1", "kind": "Secret",
                     "metadata": {"name": "db-password", "namespace": "default"},
                     "data": {"password": "%s"}}
                    """
                        .formatted(VALUE_BASE64))
                .getAsJsonObject());

    Process process =
        ChildJvm.start(
            TugboatApplication.class,
            List.of(
                "-Dtugboat.home=" + childHome,
                "-Dlogging.level.root=debug",
                "-Dlogging.level.dev.tugboat=trace"),
            List.of(
                "backup",
                "create",
                "guarded",
                "--debug",
                "--kubeconfig",
                sandbox.kubeconfig().toString(),
                "--store",
                tugboat.storeUri()));
    ProcessOutput output = ProcessOutput.drain(process);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tugboat finished within 60 s").isTrue();
    RunnerFixture.Result logs =
        tugboat.run("backup", "logs", "guarded", "--store", tugboat.storeUri());
    RunnerFixture.Result jsonLogs =
        tugboat.run("backup", "logs", "guarded", "--output", "json", "--store", tugboat.storeUri());

    assertThat(process.exitValue()).as(output.text()).isZero();
    assertThat(logs.exitCode()).isZero();
    assertThat(jsonLogs.exitCode()).isZero();
    StoreContents store = StoreContents.ofFolder(tugboat.store());
    VeleroArchiveCheck.CheckedBackup backup = VeleroArchiveCheck.check(store, "guarded");
    JsonObject secret =
        JsonParser.parseString(backup.items().get(new ItemKey("secrets", "default", "db-password")))
            .getAsJsonObject();
    assertThat(secret.getAsJsonObject("data").get("password").getAsString())
        .isEqualTo(VALUE_BASE64);
    // what is searched is really there: debug logging on, the log file and its printout
    assertThat(output.text()).contains("DEBUG");
    String logFile = gunzip(store.get("backups/guarded/guarded-logs.gz"));
    assertThat(logFile).contains("Listed 1 items of secrets@*");
    assertThat(logs.out()).isEqualTo(logFile);

    for (String seen :
        new String[] {
          output.text(), logs.out(), logs.err(), jsonLogs.out(), jsonLogs.err(), logFile
        }) {
      assertThat(seen).doesNotContain(VALUE).doesNotContain(VALUE_BASE64);
    }
  }

  private static String gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
