package dev.tugboat.samples.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests of {@code samples/k8s}, parsed into Gson trees (one per YAML document)
 * so that tests can read fields by path.
 */
final class Manifests {

  /** The folder, relative to the samples module that tests run in. */
  static final Path FOLDER = Path.of("k8s");

  /** Every manifest file, in the order the README applies them. */
  static final List<String> FILES =
      List.of(
          "namespace.yaml",
          "rbac-backup.yaml",
          "rbac-backup-secrets.yaml",
          "rbac-restore.yaml",
          "secrets.example.yaml",
          "backup-cronjob.yaml",
          "migration-plan.yaml",
          "migrate-job.yaml",
          "migrate-job-h2.yaml");

  private Manifests() {}

  static Path path(String file) {
    return FOLDER.resolve(file);
  }

  /** The YAML files of the folder, whatever their names. */
  static List<String> filesInFolder() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  /** The documents of one file; empty documents (a trailing {@code ---}) are skipped. */
  static List<JsonObject> documents(String file) {
    String text;
    try {
      text = Files.readString(path(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path(file), e);
    }
    List<JsonObject> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
      if (document != null) {
        documents.add(toJson(document).getAsJsonObject());
      }
    }
    return documents;
  }

  /** The documents of every file. */
  static List<JsonObject> all() {
    return FILES.stream().flatMap(file -> documents(file).stream()).toList();
  }

  /** The one object of that kind and name among all the manifests. */
  static JsonObject object(String kind, String name) {
    List<JsonObject> matches =
        all().stream()
            .filter(document -> kind.equals(string(document, "kind")))
            .filter(document -> name.equals(string(document, "metadata", "name")))
            .toList();
    if (matches.size() != 1) {
      throw new IllegalStateException(
          matches.size() + " manifests define " + kind + " " + name + ", expected 1");
    }
    return matches.get(0);
  }

  /** The object at a path of field names, or null when a field on the way is missing. */
  static JsonElement at(JsonObject object, String... fields) {
    JsonElement current = object;
    for (String field : fields) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(field);
    }
    return current;
  }

  /** The string at a path of field names, or null. */
  static String string(JsonObject object, String... fields) {
    JsonElement value = at(object, fields);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  /** The pod template of a Job or of a CronJob's job template. */
  static JsonObject jobSpec(JsonObject jobOrCronJob) {
    return "CronJob".equals(string(jobOrCronJob, "kind"))
        ? at(jobOrCronJob, "spec", "jobTemplate", "spec").getAsJsonObject()
        : at(jobOrCronJob, "spec").getAsJsonObject();
  }

  /** The Jobs and CronJobs of every manifest. */
  static List<JsonObject> jobs() {
    return all().stream()
        .filter(document -> List.of("Job", "CronJob").contains(string(document, "kind")))
        .toList();
  }

  /** Converts what SnakeYAML loads (maps, lists, scalars) to a Gson tree. */
  private static JsonElement toJson(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof Number number) {
      return new JsonPrimitive(number);
    }
    if (value instanceof Boolean bool) {
      return new JsonPrimitive(bool);
    }
    return new JsonPrimitive(String.valueOf(value));
  }
}
