package dev.tugboat.runner.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tugboat.backup.velero.JsonFields;
import dev.tugboat.core.store.BackupStore;
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
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads the gzip-compressed records Velero keeps beside a backup or a restore: resource lists,
 * results and logs. A file that is absent or not in its format is reported through the caller's
 * {@code failure}, given a reason that starts with the file's name (e.g. {@code x-logs.gz is
 * absent}), so each command names its backup or restore.
 */
final class StoredFiles {

  private final BackupStore store;
  private final Function<String, RuntimeException> failure;

  StoredFiles(BackupStore store, Function<String, RuntimeException> failure) {
    this.store = store;
    this.failure = failure;
  }

  /** A resource list: items by {@code <apiVersion>/<Kind>}, types sorted. */
  SortedMap<String, List<String>> resourceList(String key) {
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

  /** A results file: errors and warnings. */
  BackupResults results(String key) {
    JsonElement json = readGzipJson(key);
    try {
      return BackupResults.parse(json);
    } catch (IllegalArgumentException e) {
      throw unreadable(key, e.getMessage());
    }
  }

  /** Copies the text of a gzip-compressed log to {@code out}. */
  void writeText(String key, PrintWriter out) {
    // A PrintWriter never throws, so every IOException here comes from reading the file.
    try (Reader text = gunzip(key)) {
      text.transferTo(out);
    } catch (IOException e) {
      throw unreadable(key, "is not a complete gzip file (" + e.getMessage() + ")");
    }
    out.flush();
  }

  /** The exception for a file that is not there. */
  RuntimeException absent(String key) {
    return failure.apply(fileName(key) + " is absent");
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
      throw absent(key);
    }
    try {
      return new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private RuntimeException unreadable(String key, String reason) {
    return failure.apply(fileName(key) + " " + reason);
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
