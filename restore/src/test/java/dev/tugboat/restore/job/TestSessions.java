package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.archive.ArchiveLimits;
import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpoolLimits;
import dev.tugboat.restore.source.SpooledBackup;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Restore sessions over a real spool of a small archive, without a cluster. */
final class TestSessions {

  static final ApiResource NAMESPACES = RestoreSession.NAMESPACES;
  static final ApiResource CONFIG_MAPS =
      new ApiResource("", "v1", "configmaps", "ConfigMap", true, Set.of(), List.of(), "v1");
  static final ApiResource PODS =
      new ApiResource("", "v1", "pods", "Pod", true, Set.of(), List.of(), "v1");

  /** Writes items to an archive. */
  interface Items {
    void writeTo(ArchiveWriter writer) throws IOException;
  }

  private TestSessions() {}

  /** A spool of the items, with at most {@code chunkItems} items waiting before a chunk is cut. */
  static SpooledBackup spool(Path folder, int chunkItems, Items items) throws IOException {
    Path archive = folder.resolve("backup.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive);
        ArchiveWriter writer =
            ArchiveWriter.open(
                out, Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC))) {
      items.writeTo(writer);
      writer.finish();
    }
    return new ArchiveSpooler(new SpoolLimits(chunkItems, 1L << 20), ArchiveLimits.DEFAULTS)
        .spool(BackupSource.file(archive), folder.resolve("spool"));
  }

  /** The session of a request over a spool, the target serving namespaces, config maps, pods. */
  static RestoreSession session(RestoreRequest request, SpooledBackup spool, Path folder)
      throws IOException {
    RestoreRun run = new RestoreRun(request, folder.toString(), null, null, 1, 1, 1, 1, folder);
    ResourceCatalog target = new ResourceCatalog(List.of(NAMESPACES, CONFIG_MAPS, PODS), List.of());
    // Nothing in these tests lists ServiceAccounts, so the client is never called.
    return RestoreSession.select(
        run, spool, target, new ClientBuilder().setBasePath("http://127.0.0.1:9").build());
  }

  static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  static JsonObject namespace(String name) {
    return json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'" + name + "'}}");
  }

  static JsonObject configMap(String namespace, String name) {
    return json(
        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'"
            + name
            + "','namespace':'"
            + namespace
            + "'},'data':{'k':'v'}}");
  }

  static JsonObject pod(String namespace, String name) {
    return json(
        "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'"
            + name
            + "','namespace':'"
            + namespace
            + "'},'spec':{'containers':[{'name':'c','image':'nginx'}]}}");
  }

  /** {@code <group resource> <namespace/name>} of a staged item. */
  static String describe(StagedItem item) {
    return item.groupResource() + " " + item.key();
  }

  static String text(StagedItem item) {
    return new String(item.json(), StandardCharsets.UTF_8);
  }
}
