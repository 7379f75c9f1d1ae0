package dev.tugboat.core.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the store URIs described on {@link StoreLocation}. Error messages quote only the parts of
 * the URI they are about, since a mistyped URI may hold a secret.
 */
final class StoreLocationParser {

  static final String DEFAULT_REGION = "us-east-1";
  static final String DEFAULT_PROFILE = "default";

  /** Two characters at least, so that a Windows path such as {@code C:\store} stays a path. */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

  /** S3's bucket naming rules, which S3-compatible servers follow too. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private static final Pattern AWS_REGION = Pattern.compile("[a-z0-9-]+");

  private static final List<String> S3_PARAMETERS =
      List.of("endpoint", "region", "pathStyle", "credentialsFile", "profile");

  private StoreLocationParser() {}

  static StoreLocation parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("store location must not be empty");
    }
    Matcher scheme = SCHEME.matcher(text);
    if (!scheme.find()) {
      return new StoreLocation.Local(Path.of(text));
    }
    switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
      case "file":
        return parseFile(text);
      case "s3":
        return parseS3(text);
      default:
        throw new IllegalArgumentException(
            "unsupported store URI scheme '"
                + scheme.group(1)
                + "': use file:///path, a plain path, or s3://bucket/prefix");
    }
  }

  private static StoreLocation.Local parseFile(String text) {
    try {
      return new StoreLocation.Local(Path.of(new URI(text)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid file store URI '" + text + "': use file:///absolute/path or a plain path", e);
    }
  }

  private static StoreLocation.S3 parseS3(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "invalid s3 store URI: " + e.getReason() + " at index " + e.getIndex());
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "s3 store URI must not contain credentials: set AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, or add credentialsFile=<path>");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("s3 store URI must not have a #fragment");
    }
    String bucket = bucketOf(uri);
    String prefix = prefixOf(uri);
    Map<String, String> parameters = parameters(uri.getRawQuery());

    String region = parameters.get("region");
    String endpointText = parameters.get("endpoint");
    if (endpointText == null && region == null) {
      throw new IllegalArgumentException(
          "s3 store URI needs endpoint=<http(s)://host:port> for an S3-compatible server,"
              + " or region=<region> for AWS S3");
    }
    URI endpoint = endpointText == null ? awsEndpoint(region) : parseEndpoint(endpointText);
    boolean pathStyle =
        parameters.containsKey("pathStyle")
            ? parseBoolean("pathStyle", parameters.get("pathStyle"))
            : !isAws(endpoint.getHost());

    String credentialsFile = parameters.get("credentialsFile");
    String profile = parameters.get("profile");
    if (profile != null && credentialsFile == null) {
      throw new IllegalArgumentException(
          "s3 store URI parameter 'profile' needs credentialsFile=<path>");
    }
    return new StoreLocation.S3(
        bucket,
        prefix,
        endpoint,
        region == null ? DEFAULT_REGION : region,
        pathStyle,
        credentialsFile == null ? null : Path.of(credentialsFile),
        profile == null ? DEFAULT_PROFILE : profile);
  }

  private static String bucketOf(URI uri) {
    // The raw authority rather than the host: URI leaves the host null for names it cannot parse.
    String bucket = uri.getRawAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("s3 store URI needs a bucket: s3://<bucket>/<prefix>");
    }
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "invalid bucket name '"
              + bucket
              + "': 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a"
              + " letter or digit");
    }
    return bucket;
  }

  /** The path with surrounding slashes trimmed, as Velero does with a location's prefix. */
  private static String prefixOf(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String prefix = path.replaceAll("^/+|/+$", "");
    if (prefix.isEmpty()) {
      return prefix;
    }
    for (String segment : prefix.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "invalid s3 store prefix '" + prefix + "': no empty, '.' or '..' segments");
      }
    }
    return prefix;
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!S3_PARAMETERS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown s3 store URI parameter '"
                + name
                + "' (known: "
                + String.join(", ", S3_PARAMETERS)
                + ")");
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException("s3 store URI parameter '" + name + "' has no value");
      }
      if (parameters.put(name, value) != null) {
        throw new IllegalArgumentException(
            "s3 store URI parameter '" + name + "' is given more than once");
      }
    }
    return parameters;
  }

  private static URI awsEndpoint(String region) {
    if (!AWS_REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "invalid AWS region '" + region + "': lowercase letters, digits and '-'");
    }
    return URI.create("https://s3." + region + ".amazonaws.com");
  }

  private static URI parseEndpoint(String text) {
    URI endpoint;
    try {
      endpoint = new URI(text);
    } catch (URISyntaxException e) {
      throw invalidEndpoint(text, e.getReason());
    }
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException("s3 endpoint must not contain credentials");
    }
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalidEndpoint(text, "the scheme must be http or https");
    }
    if (endpoint.getHost() == null) {
      throw invalidEndpoint(text, "no host");
    }
    boolean hasPath = endpoint.getRawPath() != null && !endpoint.getRawPath().matches("/?");
    if (hasPath || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw invalidEndpoint(text, "only scheme, host and port are allowed");
    }
    return URI.create(scheme + "://" + endpoint.getRawAuthority());
  }

  private static IllegalArgumentException invalidEndpoint(String text, String reason) {
    return new IllegalArgumentException(
        "invalid s3 endpoint '" + text + "': " + reason + " (expected http(s)://host[:port])");
  }

  private static boolean parseBoolean(String name, String value) {
    switch (value) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(
            "s3 store URI parameter '" + name + "' must be true or false, not '" + value + "'");
    }
  }

  /** MinIO picks virtual-host style for AWS hosts too; other servers mostly need path style. */
  private static boolean isAws(String host) {
    return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
