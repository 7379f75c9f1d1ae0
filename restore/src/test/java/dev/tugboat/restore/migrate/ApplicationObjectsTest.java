package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationObjectsTest {

  private static final MigrationPlan PLAN =
      MigrationPlanParser.parse(
          """
          apiVersion: tugboat.dev/v1
          kind: MigrationPlan
          name: move-shop
          source: {backup: nightly}
          target: {context: standby}
          excludedResources: [jobs.batch]
          applications:
          - name: web
            selector: {namespaces: [shop], labelSelector: {matchLabels: {app: web}}}
          - name: shop
            selector: {namespaces: [shop]}
          """);

  @TempDir Path folder;

  @Test
  void countsEachApplicationsObjectsByTypeWithoutExcludedOrNeverRestoredTypes() throws IOException {
    try (SpooledBackup backup =
        spool(
            writer -> {
              writer.writeItem("deployments.apps", "v1", "shop", "web", deployment("web"));
              writer.writeItem("deployments.apps", "v1", "shop", "cart", deployment("cart"));
              writer.writeItem(
                  "services", "v1", "shop", "web", labelled("v1", "Service", "web", "web"));
              writer.writeItem(
                  "configmaps", "v1", "shop", "web", labelled("v1", "ConfigMap", "web", ""));
              writer.writeItem(
                  "configmaps",
                  "v1",
                  "other",
                  "x",
                  inNamespace("other", "v1", "ConfigMap", "x", ""));
              writer.writeItem(
                  "jobs.batch", "v1", "shop", "import", labelled("batch/v1", "Job", "import", ""));
              writer.writeItem("events", "v1", "shop", "e1", labelled("v1", "Event", "e1", ""));
              writer.writeItem(
                  "namespaces",
                  "v1",
                  null,
                  "shop",
                  inNamespace(null, "v1", "Namespace", "shop", ""));
            })) {

      assertThat(ApplicationObjects.inBackup(PLAN, backup))
          .isEqualTo(
              Map.of(
                  "web", Map.of("deployments.apps", 1L, "services", 1L),
                  "shop", Map.of("deployments.apps", 1L, "configmaps", 1L)));
    }
  }

  /** A Deployment whose pod template is labelled {@code app=<name>}: its claim goes by that. */
  private static JsonObject deployment(String name) {
    return json(
        "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'%s','namespace':'shop'},"
                .formatted(name)
            + "'spec':{'template':{'metadata':{'labels':{'app':'%s'}}}}}".formatted(name));
  }

  /** An object in namespace {@code shop}, labelled {@code app=<app>} unless that is empty. */
  private static JsonObject labelled(String apiVersion, String kind, String name, String app) {
    return inNamespace("shop", apiVersion, kind, name, app);
  }

  private static JsonObject inNamespace(
      String namespace, String apiVersion, String kind, String name, String app) {
    JsonObject object =
        json(
            "{'apiVersion':'%s','kind':'%s','metadata':{'name':'%s'}}"
                .formatted(apiVersion, kind, name));
    JsonObject metadata = object.getAsJsonObject("metadata");
    if (namespace != null) {
      metadata.addProperty("namespace", namespace);
    }
    if (!app.isEmpty()) {
      metadata.add("labels", json("{'app':'%s'}".formatted(app)));
    }
    return object;
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  /** Writes items to an archive. */
  private interface Items {
    void writeTo(ArchiveWriter writer) throws IOException;
  }

  private SpooledBackup spool(Items items) throws IOException {
    Path archive = folder.resolve("backup.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive);
        ArchiveWriter writer =
            ArchiveWriter.open(
                out, Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC))) {
      items.writeTo(writer);
      writer.finish();
    }
    return new ArchiveSpooler().spool(BackupSource.file(archive), folder.resolve("spool"));
  }
}
