package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class TugboatCliTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @Test
  void helpListsCommandsAndExitCodes() {
    RunnerFixture.Result result = runner.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Commands:", "version", "Exit codes:", "5  the same run is already in progress");
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collectCommandPaths(runner.commandTree(), new ArrayList<>(), paths);

    assertThat(paths).contains(List.of("version"));
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      RunnerFixture.Result result = runner.run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as("exit code of %s", args).isZero();
      assertThat(result.out())
          .as("help of %s", path)
          .contains("Usage: tugboat " + String.join(" ", path));
    }
  }

  private static void collectCommandPaths(
      CommandLine command, List<String> prefix, List<List<String>> paths) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              // aliases map to the same command; picocli's help command takes no --help
              if (!sub.getCommandName().equals(name) || name.equals("help")) {
                return;
              }
              List<String> path = new ArrayList<>(prefix);
              path.add(name);
              paths.add(path);
              collectCommandPaths(sub, path, paths);
            });
  }

  @Test
  void unknownOptionIsAUsageError() {
    RunnerFixture.Result result = runner.run("version", "--bogus");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(runner.run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void globalOptionsAreAcceptedAfterTheSubcommand() {
    RunnerFixture.Result result = runner.run("version", "--output", "json");

    assertThat(result.exitCode()).isZero();
    JsonObject versions = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(versions.get("backupFormat").getAsString()).isEqualTo("1.1.0 (Velero)");
    assertThat(versions.get("kubernetesClient").getAsString()).isEqualTo("27.0.0");
  }

  @Test
  void globalOptionsAreAcceptedBeforeTheSubcommand() {
    RunnerFixture.Result result = runner.run("--output", "json", "version");

    assertThat(JsonParser.parseString(result.out()).isJsonObject()).isTrue();
  }

  @Test
  void invalidOutputFormatIsAUsageError() {
    RunnerFixture.Result result = runner.run("version", "--output", "yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Invalid value for option '--output'");
  }
}
