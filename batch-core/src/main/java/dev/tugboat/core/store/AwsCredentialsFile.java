package dev.tugboat.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an AWS-style credentials file, the format Velero's AWS plugin uses too:
 *
 * <pre>
 * [default]
 * aws_access_key_id = AKIA...
 * aws_secret_access_key = ...
 * aws_session_token = ...   (optional)
 * </pre>
 *
 * <p>Lines starting with {@code #} or {@code ;} are comments. Error messages never quote a value.
 */
public final class AwsCredentialsFile {

  private static final String ACCESS_KEY_ID = "aws_access_key_id";
  private static final String SECRET_ACCESS_KEY = "aws_secret_access_key";
  private static final String SESSION_TOKEN = "aws_session_token";

  private AwsCredentialsFile() {}

  /**
   * The credentials of one profile.
   *
   * @throws StoreException if the file cannot be read, or lacks the profile or one of its keys
   */
  public static S3Credentials read(Path file, String profile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new StoreException("credentials file " + file + " does not exist");
    } catch (IOException e) {
      throw new StoreException("cannot read credentials file " + file, e);
    }
    return parse(lines, profile, "credentials file " + file);
  }

  static S3Credentials parse(List<String> lines, String profile, String source) {
    Map<String, Map<String, String>> profiles = profiles(lines, source);
    Map<String, String> values = profiles.get(profile);
    if (values == null) {
      throw new StoreException(
          "profile '"
              + profile
              + "' not found in "
              + source
              + " (profiles: "
              + profiles.keySet()
              + ")");
    }
    return new S3Credentials(
        required(values, ACCESS_KEY_ID, profile, source),
        required(values, SECRET_ACCESS_KEY, profile, source),
        values.get(SESSION_TOKEN));
  }

  private static Map<String, Map<String, String>> profiles(List<String> lines, String source) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            profiles.computeIfAbsent(
                line.substring(1, line.length() - 1).strip(), p -> new LinkedHashMap<>());
      } else if (equals > 0 && current != null) {
        current.put(
            line.substring(0, equals).strip().toLowerCase(Locale.ROOT),
            line.substring(equals + 1).strip());
      } else {
        // The line is not quoted: it may be a secret pasted in the wrong place.
        throw new StoreException(
            source + ", line " + (i + 1) + ": expected [profile] or key = value inside a profile");
      }
    }
    return profiles;
  }

  private static String required(
      Map<String, String> values, String key, String profile, String source) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      throw new StoreException(source + ", profile '" + profile + "': missing " + key);
    }
    return value;
  }
}
