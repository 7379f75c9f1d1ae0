package dev.tugboat.samples.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Checks a resources-only backup in a store against every rule of Velero's format that applies to
 * it ({@code velero.md} section 0): the store layout, {@code velero-backup.json}, and the archive's
 * gzip stream, tar entries, paths and item files. Each broken rule is an {@link AssertionError}
 * naming the rule and the offending key or entry. What the checker reads back (the Backup object
 * and the items) lets tests compare contents once the format is known to be right.
 */
public final class VeleroArchiveCheck {

  /** The item paths: classic, or under the preferred version's folder. */
  private static final Pattern ITEM_PATH =
      Pattern.compile(
          "resources/([^/]+)/(?:([^/]+)-preferredversion/)?(?:namespaces/([^/]+)|cluster)/([^/]+)\\.json");

  private static final Pattern GROUP_RESOURCE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9.-]+)?");
  private static final Pattern GO_DURATION =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
  private static final Set<String> FINISHED_PHASES = Set.of("Completed", "PartiallyFailed");
  private static final String FORMAT_VERSION = "1.1.0";
  private static final String SHA256_ANNOTATION = "tugboat.dev/sha256";
  private static final int MODE_0755 = 0755;

  /**
   * A backup that passed the check.
   *
   * @param backup the Backup object of {@code velero-backup.json}
   * @param items each item's JSON, by its key
   * @param entries the archive's entry names, in order
   */
  public record CheckedBackup(JsonObject backup, Map<ItemKey, String> items, List<String> entries) {

    String phase() {
      return backup.getAsJsonObject("status").get("phase").getAsString();
    }

    /** The group resources that have items. */
    Set<String> groupResources() {
      Set<String> types = new TreeSet<>();
      items.keySet().forEach(key -> types.add(key.groupResource()));
      return types;
    }
  }

  private VeleroArchiveCheck() {}

  /**
   * Checks backup {@code name} in {@code store}.
   *
   * @throws AssertionError naming the first rule the backup breaks
   */
  public static CheckedBackup check(StoreContents store, String name) {
    String folder = "backups/" + name + "/";
    checkStoreKeys(store, name, folder);
    byte[] archive = store.get(folder + name + ".tar.gz");
    JsonObject backup = checkBackupObject(store.get(folder + "velero-backup.json"), name, archive);
    byte[] tar = singleGzipMember(archive);
    List<String> entries = new ArrayList<>();
    Map<String, byte[]> files = tarFiles(tar, entries);
    if (entries.isEmpty() || !entries.get(0).equals("metadata/version")) {
      fail(
          "the first entry must be metadata/version, not "
              + (entries.isEmpty() ? "none" : entries.get(0)));
    }
    if (!new String(files.get("metadata/version"), StandardCharsets.UTF_8).equals("1.1.0\n")) {
      fail("metadata/version must hold \"1.1.0\\n\"");
    }
    return new CheckedBackup(backup, items(files), List.copyOf(entries));
  }

  private static void checkStoreKeys(StoreContents store, String name, String folder) {
    Set<String> expected =
        Set.of(
            folder + "velero-backup.json",
            folder + name + ".tar.gz",
            folder + name + "-resource-list.json.gz",
            folder + name + "-results.gz",
            folder + name + "-logs.gz");
    Set<String> found = new TreeSet<>();
    for (String key : store.objects().keySet()) {
      if (!key.startsWith("backups/")) {
        fail(
            "store key '"
                + key
                + "' is outside backups/: Velero marks such a location unavailable");
      }
      if (key.startsWith(folder + "staging/")) {
        fail("staging leftover '" + key + "' after the backup completed");
      }
      if (key.startsWith(folder)) {
        found.add(key);
      }
    }
    if (!found.equals(expected)) {
      fail(
          "backup folder "
              + folder
              + " must hold exactly "
              + new TreeSet<>(expected)
              + ", not "
              + found);
    }
  }

  private static JsonObject checkBackupObject(byte[] json, String name, byte[] archive) {
    JsonObject backup = parseObject(json, "velero-backup.json");
    require(text(backup, "kind").equals("Backup"), "velero-backup.json: kind must be Backup");
    require(
        text(backup, "apiVersion").equals("velero.io/v1"),
        "velero-backup.json: apiVersion must be velero.io/v1");
    JsonObject metadata = object(backup, "metadata", "velero-backup.json");
    require(
        text(metadata, "name").equals(name), "velero-backup.json: metadata.name must be " + name);
    JsonObject status = object(backup, "status", "velero-backup.json");
    require(
        FINISHED_PHASES.contains(text(status, "phase")),
        "velero-backup.json: status.phase must be Completed or PartiallyFailed, not '"
            + text(status, "phase")
            + "'");
    require(
        text(status, "formatVersion").equals(FORMAT_VERSION),
        "velero-backup.json: status.formatVersion must be " + FORMAT_VERSION);
    Instant start = Instant.parse(text(status, "startTimestamp"));
    Duration ttl = goDuration(text(object(backup, "spec", "velero-backup.json"), "ttl"));
    require(
        Instant.parse(text(status, "expiration")).equals(start.plus(ttl)),
        "velero-backup.json: status.expiration must be startTimestamp + spec.ttl");
    JsonObject annotations = object(metadata, "annotations", "velero-backup.json metadata");
    require(
        text(annotations, SHA256_ANNOTATION).equals(sha256(archive)),
        "velero-backup.json: annotation " + SHA256_ANNOTATION + " must be the archive's SHA-256");
    return backup;
  }

  /** The content of a gzip file that must be exactly one member (no concatenated streams). */
  private static byte[] singleGzipMember(byte[] gzip) {
    require(
        gzip.length >= 18 && (gzip[0] & 0xff) == 0x1f && (gzip[1] & 0xff) == 0x8b && gzip[2] == 8,
        "the archive is not a gzip stream");
    int flags = gzip[3] & 0xff;
    int offset = 10;
    if ((flags & 0x04) != 0) {
      offset += 2 + ((gzip[offset] & 0xff) | (gzip[offset + 1] & 0xff) << 8);
    }
    for (int flag : new int[] {0x08, 0x10}) {
      if ((flags & flag) != 0) {
        while (gzip[offset] != 0) {
          offset++;
        }
        offset++;
      }
    }
    if ((flags & 0x02) != 0) {
      offset += 2;
    }
    Inflater inflater = new Inflater(true);
    inflater.setInput(gzip, offset, gzip.length - offset);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          fail("the archive's gzip stream is cut short");
        }
        content.write(buffer, 0, n);
      }
    } catch (DataFormatException e) {
      fail("the archive's gzip stream is damaged: " + e.getMessage());
    }
    int trailer = gzip.length - inflater.getRemaining();
    inflater.end();
    require(
        gzip.length - trailer == 8,
        "the archive must be a single gzip stream, but "
            + (gzip.length - trailer - 8)
            + " bytes follow the first one");
    byte[] bytes = content.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    require(
        littleEndian(gzip, trailer) == crc.getValue()
            && littleEndian(gzip, trailer + 4) == (bytes.length & 0xffffffffL),
        "the archive's gzip trailer does not match its content");
    return bytes;
  }

  /** The tar's files by name, checking each entry's type and mode. */
  private static Map<String, byte[]> tarFiles(byte[] tar, List<String> names) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName();
        require(!entry.isDirectory(), "tar entry '" + name + "' is a directory entry");
        require(entry.isFile(), "tar entry '" + name + "' is not a regular file");
        require(
            (entry.getMode() & 07777) == MODE_0755,
            "tar entry '"
                + name
                + "' has mode "
                + Integer.toOctalString(entry.getMode() & 07777)
                + ", not 755");
        require(
            files.put(name, in.readAllBytes()) == null, "tar entry '" + name + "' appears twice");
        names.add(name);
      }
    } catch (IOException e) {
      fail("the archive's tar stream cannot be read: " + e.getMessage());
    }
    return files;
  }

  /** The items, each checked against its two paths. */
  private static Map<ItemKey, String> items(Map<String, byte[]> files) {
    Map<ItemKey, byte[]> classic = new TreeMap<>();
    Map<ItemKey, String> preferredPaths = new HashMap<>();
    Map<ItemKey, byte[]> preferred = new HashMap<>();
    Map<String, String> kindOfType = new HashMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      if (path.equals("metadata/version")) {
        continue;
      }
      Matcher matcher = ITEM_PATH.matcher(path);
      require(matcher.matches(), "entry '" + path + "' is not a Velero item path");
      String groupResource = matcher.group(1);
      String version = matcher.group(2);
      ItemKey key =
          new ItemKey(
              groupResource, matcher.group(3) == null ? "" : matcher.group(3), matcher.group(4));
      require(
          GROUP_RESOURCE.matcher(groupResource).matches(),
          "entry '" + path + "': '" + groupResource + "' is not plural or plural.group");
      JsonObject item = checkItemFile(path, file.getValue(), key);
      String kind = text(item, "kind");
      String previousKind = kindOfType.putIfAbsent(groupResource, kind);
      require(
          previousKind == null || previousKind.equals(kind),
          "entry '"
              + path
              + "': kind "
              + kind
              + " differs from "
              + previousKind
              + " of other "
              + groupResource);
      String apiVersion = text(item, "apiVersion");
      int dot = groupResource.indexOf('.');
      String group = dot < 0 ? "" : groupResource.substring(dot + 1);
      int slash = apiVersion.indexOf('/');
      String itemGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
      require(
          itemGroup.equals(group),
          "entry '" + path + "': apiVersion " + apiVersion + " is not of group '" + group + "'");
      if (version == null) {
        classic.put(key, file.getValue());
      } else {
        require(
            apiVersion.substring(slash + 1).equals(version),
            "entry '" + path + "': apiVersion " + apiVersion + " is not of version " + version);
        preferred.put(key, file.getValue());
        preferredPaths.put(key, path);
      }
    }
    for (ItemKey key : preferred.keySet()) {
      require(
          classic.containsKey(key), "entry '" + preferredPaths.get(key) + "' has no classic copy");
    }
    Map<ItemKey, String> items = new LinkedHashMap<>();
    for (Map.Entry<ItemKey, byte[]> item : classic.entrySet()) {
      byte[] copy = preferred.get(item.getKey());
      require(copy != null, "item " + item.getKey() + " has no -preferredversion copy");
      require(
          java.util.Arrays.equals(copy, item.getValue()),
          "item " + item.getKey() + ": its -preferredversion copy differs from the classic one");
      items.put(item.getKey(), new String(item.getValue(), StandardCharsets.UTF_8));
    }
    return items;
  }

  private static JsonObject checkItemFile(String path, byte[] bytes, ItemKey key) {
    require(
        bytes.length > 0 && bytes[bytes.length - 1] != '\n',
        "entry '" + path + "' is empty or ends with a newline");
    String text = new String(bytes, StandardCharsets.UTF_8);
    require(isCompact(text), "entry '" + path + "' is not compact JSON");
    JsonObject item = parseObject(bytes, "entry '" + path + "'");
    JsonObject metadata = object(item, "metadata", "entry '" + path + "'");
    require(
        text(metadata, "name").equals(key.name()),
        "entry '" + path + "': metadata.name is " + text(metadata, "name"));
    JsonElement namespace = metadata.get("namespace");
    String itemNamespace =
        namespace == null || namespace.isJsonNull() ? "" : namespace.getAsString();
    require(
        itemNamespace.equals(key.namespace()),
        "entry '" + path + "': metadata.namespace is '" + itemNamespace + "'");
    require(!text(item, "kind").isEmpty(), "entry '" + path + "' has no kind");
    return item;
  }

  /** No whitespace outside strings. */
  private static boolean isCompact(String json) {
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static JsonObject parseObject(byte[] json, String what) {
    try {
      JsonElement element = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
      require(element.isJsonObject(), what + " is not one JSON object");
      return element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new AssertionError(what + " is not one JSON object: " + e.getMessage(), e);
    }
  }

  private static JsonObject object(JsonObject parent, String field, String what) {
    JsonElement value = parent.get(field);
    require(value != null && value.isJsonObject(), what + " has no object '" + field + "'");
    return value.getAsJsonObject();
  }

  private static String text(JsonObject parent, String field) {
    JsonElement value = parent.get(field);
    return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
  }

  /** Go's duration text as Velero writes a TTL: {@code 720h0m0s}. */
  private static Duration goDuration(String text) {
    Matcher matcher = GO_DURATION.matcher(text);
    require(
        !text.isEmpty() && matcher.matches(),
        "velero-backup.json: spec.ttl '" + text + "' is not h/m/s");
    Duration duration = Duration.ZERO;
    if (matcher.group(1) != null) {
      duration = duration.plusHours(Long.parseLong(matcher.group(1)));
    }
    if (matcher.group(2) != null) {
      duration = duration.plusMinutes(Long.parseLong(matcher.group(2)));
    }
    if (matcher.group(3) != null) {
      duration = duration.plusSeconds(Long.parseLong(matcher.group(3)));
    }
    return duration;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static long littleEndian(byte[] bytes, int offset) {
    return (bytes[offset] & 0xffL)
        | (bytes[offset + 1] & 0xffL) << 8
        | (bytes[offset + 2] & 0xffL) << 16
        | (bytes[offset + 3] & 0xffL) << 24;
  }

  private static void require(boolean rule, String violation) {
    if (!rule) {
      fail(violation);
    }
  }

  private static void fail(String violation) {
    throw new AssertionError("not a valid Velero backup: " + violation);
  }
}
