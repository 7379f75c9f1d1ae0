package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.backup.retention.ScheduledBackupName;
import dev.tugboat.backup.retention.ScheduledTime;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.runner.TugboatCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParseResult;

/**
 * The container args of every Job and CronJob are a command line the real {@code tugboat} accepts:
 * parsed by the command tree the application builds, after Kubernetes' {@code $(VAR)} expansion.
 */
class ContainerArgsTest {

  /** Kubernetes expands {@code $(NAME)} in args from the container's environment. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  /** The minutes since the epoch of a scheduled time: the suffix a CronJob gives its Jobs. */
  private static final String SCHEDULED_MINUTES = "29390520";

  @TempDir static Path home;

  private static ConfigurableApplicationContext application;

  @BeforeAll
  static void startTheApplication() {
    application =
        new SpringApplicationBuilder(TugboatApplication.class).run("--tugboat.home=" + home);
  }

  @AfterAll
  static void stopTheApplication() {
    application.close();
  }

  @Test
  void theNightlyBackupIsAScheduledBackupTimedByItsJob() {
    ParseResult backup = parse("CronJob", "tugboat-nightly");

    assertThat(commandPath(backup)).containsExactly("tugboat", "backup", "create");
    ParseResult create = backup.subcommand().subcommand();
    assertThat(create.hasMatchedPositional(0)).isFalse();
    assertThat(create.matchedOptionValue("--schedule", "")).isEqualTo("nightly");
    String scheduledTime = create.matchedOptionValue("--scheduled-time", "");
    assertThat(scheduledTime).isEqualTo("job:tugboat-nightly-" + SCHEDULED_MINUTES);
    // the name every pod of that night's Job backs up under: Velero's for a 02:00 UTC run
    assertThat(new ScheduledBackupName("nightly", ScheduledTime.parse(scheduledTime)).backupName())
        .isEqualTo("nightly-20251118020000");
    assertThat(create.matchedOptionValue("--exclude-resources", List.of()))
        .isEqualTo(List.of("secrets"));
    assertThat(create.matchedOptionValue("--store", ""))
        .isEqualTo(
            "s3://tugboat-backups/cluster-a?endpoint=https://minio.example.com:9000"
                + "&region=us-east-1&pathStyle=true");
  }

  @Test
  void theMigrationsRunThePlanOfTheConfigMap() {
    for (String job : List.of("tugboat-migrate", "tugboat-migrate-h2")) {
      ParseResult migrate = parse("Job", job);

      assertThat(commandPath(migrate)).as(job).containsExactly("tugboat", "migrate");
      assertThat(migrate.subcommand().matchedOptionValue("--plan", Path.of("")))
          .as(job)
          .isEqualTo(Path.of("/plan/plan.yaml"));
    }
  }

  @Test
  void argsReferOnlyToVariablesTheContainerDefines() {
    for (JsonObject job : Manifests.jobs()) {
      JsonObject container = container(job);
      Map<String, String> environment = environment(job, container);
      for (JsonElement arg : container.getAsJsonArray("args")) {
        Matcher variable = VARIABLE.matcher(arg.getAsString());
        while (variable.find()) {
          assertThat(environment).containsKey(variable.group(1));
        }
      }
    }
  }

  private static ParseResult parse(String kind, String name) {
    JsonObject job = Manifests.object(kind, name);
    JsonObject container = container(job);
    Map<String, String> environment = environment(job, container);
    List<String> args = new ArrayList<>();
    for (JsonElement arg : container.getAsJsonArray("args")) {
      args.add(expand(arg.getAsString(), environment));
    }
    CommandLine tugboat =
        new CommandLine(new TugboatCommand(), application.getBean(IFactory.class));
    return tugboat.parseArgs(args.toArray(String[]::new));
  }

  private static List<String> commandPath(ParseResult result) {
    List<String> path = new ArrayList<>();
    for (ParseResult current = result; current != null; current = current.subcommand()) {
      path.add(current.commandSpec().name());
    }
    return path;
  }

  static JsonObject container(JsonObject job) {
    return Manifests.jobSpec(job)
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject();
  }

  /**
   * The container's variables that can appear in args: literal values, and the Job's name that a
   * CronJob's pod gets from its {@code batch.kubernetes.io/job-name} label. Secrets are left out:
   * they must never be on a command line.
   */
  private static Map<String, String> environment(JsonObject job, JsonObject container) {
    Map<String, String> environment = new HashMap<>();
    for (JsonElement element : container.getAsJsonArray("env")) {
      JsonObject variable = element.getAsJsonObject();
      String name = variable.get("name").getAsString();
      if (variable.has("value")) {
        environment.put(name, variable.get("value").getAsString());
      } else if ("metadata.labels['batch.kubernetes.io/job-name']"
          .equals(Manifests.string(variable, "valueFrom", "fieldRef", "fieldPath"))) {
        environment.put(name, Manifests.string(job, "metadata", "name") + "-" + SCHEDULED_MINUTES);
      }
    }
    return environment;
  }

  private static String expand(String arg, Map<String, String> environment) {
    Matcher variable = VARIABLE.matcher(arg);
    StringBuilder expanded = new StringBuilder();
    while (variable.find()) {
      String value = environment.getOrDefault(variable.group(1), variable.group());
      variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
    }
    return variable.appendTail(expanded).toString();
  }
}
