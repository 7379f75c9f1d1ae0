package dev.tugboat.runner.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.backup.velero.JsonFields;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.core.store.StoreObjectNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The files of one published backup in a store, read for the {@code backup} commands. A file that
 * is missing or not in its format is reported as a {@link BackupFileException} naming the backup,
 * the store and the file.
 */
final class PublishedBackup {

  private final BackupStore store;
  private final BackupCatalog catalog;
  private final String name;

  private PublishedBackup(BackupStore store, String name) {
    this.store = store;
    this.catalog = new BackupCatalog(store);
    this.name = name;
  }

  /**
   * @throws BackupNotFoundException if the store has no published backup of that name
   * @throws IllegalArgumentException if the name is not a valid backup name
   */
  static PublishedBackup find(BackupStore store, String name) {
    PublishedBackup backup = new PublishedBackup(store, name);
    if (!backup.catalog.exists(name)) {
      throw new BackupNotFoundException(name, store.location());
    }
    return backup;
  }

  String name() {
    return name;
  }

  /** The parsed {@code velero-backup.json}. */
  BackupMetadata metadata() {
    try {
      return BackupMetadata.parse(catalog.readMetadata(name));
    } catch (IllegalArgumentException e) {
      throw new BackupFileException(name, store.location(), e.getMessage());
    }
  }

  /** {@code <name>-resource-list.json.gz}: items by {@code <apiVersion>/<Kind>}, types sorted. */
  SortedMap<String, List<String>> resourceList() {
    String key = StoreLayout.backupResourceList(name);
    JsonElement json = readGzipJson(key);
    if (!json.isJsonObject()) {
      throw unreadable(key, "is not a JSON object");
    }
    SortedMap<String, List<String>> itemsByType = new TreeMap<>();
    try {
      for (Map.Entry<String, JsonElement> type : json.getAsJsonObject().entrySet()) {
        itemsByType.put(type.getKey(), JsonFields.texts(type.getValue(), type.getKey()));
      }
    } catch (IllegalArgumentException e) {
      throw unreadable(key, e.getMessage());
    }
    return itemsByType;
  }

  /** {@code <name>-results.gz}. */
  BackupResults results() {
    String key = StoreLayout.backupResults(name);
    JsonElement json = readGzipJson(key);
    try {
      return BackupResults.parse(json);
    } catch (IllegalArgumentException e) {
      throw unreadable(key, e.getMessage());
    }
  }

  /** Copies the text of {@code <name>-logs.gz} to {@code out}. */
  void writeLogs(PrintWriter out) {
    String key = StoreLayout.backupLogs(name);
    // A PrintWriter never throws, so every IOException here comes from reading the logs.
    try (Reader logs = gunzip(key)) {
      logs.transferTo(out);
    } catch (IOException e) {
      throw unreadable(key, "is not a complete gzip file (" + e.getMessage() + ")");
    }
    out.flush();
  }

  /** Opens {@code <name>.tar.gz}; the caller closes it. */
  InputStream openArchive() {
    try {
      return catalog.openArchive(name);
    } catch (StoreObjectNotFoundException e) {
      throw new BackupFileException(
          name, store.location(), fileName(StoreLayout.backupArchive(name)) + " is absent");
    }
  }

  private JsonElement readGzipJson(String key) {
    try (Reader reader = gunzip(key)) {
      return JsonParser.parseReader(reader);
    } catch (JsonParseException e) {
      throw unreadable(key, "is not valid gzip-compressed JSON");
    } catch (IOException e) {
      throw unreadable(key, "is not a complete gzip file (" + e.getMessage() + ")");
    }
  }

  private Reader gunzip(String key) throws IOException {
    InputStream in;
    try {
      in = store.read(key);
    } catch (StoreObjectNotFoundException e) {
      throw new BackupFileException(name, store.location(), fileName(key) + " is absent");
    }
    try {
      return new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private BackupFileException unreadable(String key, String reason) {
    return new BackupFileException(name, store.location(), fileName(key) + " " + reason);
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
