package dev.tugboat.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The rules for object keys and list prefixes described on {@link BackupStore}. */
final class StoreKeys {

  /** The only top-level folders of a store, each with its trailing slash. */
  static final List<String> TOP_LEVEL_FOLDERS = List.of("backups/", "restores/");

  private StoreKeys() {}

  static void requireValidKey(String key) {
    Objects.requireNonNull(key, "key");
    Optional<String> problem = keyProblem(key);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("invalid store key '" + key + "': " + problem.get());
    }
  }

  static boolean isValidKey(String key) {
    return keyProblem(key).isEmpty();
  }

  static void requireValidPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty()) {
      return;
    }
    String path = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    Optional<String> problem = pathProblem(path);
    if (problem.isEmpty() && !TOP_LEVEL_FOLDERS.contains(topLevelFolder(path))) {
      problem = Optional.of("must start with backups/ or restores/");
    }
    if (problem.isPresent()) {
      throw new IllegalArgumentException("invalid store prefix '" + prefix + "': " + problem.get());
    }
  }

  private static Optional<String> keyProblem(String key) {
    Optional<String> problem = pathProblem(key);
    if (problem.isPresent()) {
      return problem;
    }
    if (!key.contains("/") || !TOP_LEVEL_FOLDERS.contains(topLevelFolder(key))) {
      return Optional.of("must name an object inside backups/ or restores/");
    }
    return Optional.empty();
  }

  private static Optional<String> pathProblem(String path) {
    if (path.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (path.startsWith("/")) {
      return Optional.of("must be relative");
    }
    if (path.indexOf('\\') >= 0) {
      return Optional.of("must not contain '\\'");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        return Optional.of("must not contain empty segments");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("must not contain '.' or '..' segments");
      }
      if (segment.startsWith(".")) {
        // Reserved: the local store writes its partial files under dot-prefixed names.
        return Optional.of("segments must not start with '.'");
      }
    }
    return Optional.empty();
  }

  private static String topLevelFolder(String path) {
    int slash = path.indexOf('/');
    return (slash < 0 ? path : path.substring(0, slash)) + "/";
  }
}
