package dev.tugboat.core.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a backup store lives: a local folder or an S3 bucket. Parsed from a store URI:
 *
 * <ul>
 *   <li>{@code file:///path/to/store}, or just a path;
 *   <li>{@code s3://bucket/optional/prefix?endpoint=https://host:port&region=us-east-1
 *       &pathStyle=true&credentialsFile=/path&profile=name}. Every parameter is optional, but
 *       without {@code endpoint} (an S3-compatible server) a {@code region} is needed (AWS S3).
 *       Credentials never go in the URI: they come from {@code credentialsFile} (an AWS-style INI
 *       file, Velero's format) or from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}.
 * </ul>
 */
public sealed interface StoreLocation permits StoreLocation.Local, StoreLocation.S3 {

  /**
   * Parses a store URI.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  static StoreLocation parse(String uri) {
    return StoreLocationParser.parse(uri);
  }

  /**
   * What tells one store from another, without the credentials and options of its URI: the folder
   * of a local store, the bucket, prefix and endpoint of an S3 store. {@code /backups}, {@code
   * /backups/} and {@code file:///backups} have one identity, so a job run identified by it is
   * resumed whichever way its store is spelled.
   */
  default String identity() {
    return this instanceof S3 s3 ? s3.describe() : ((Local) this).root().toString();
  }

  /** {@code $TUGBOAT_HOME/store}, or {@code ~/.tugboat/store}. */
  static Local defaultLocation() {
    return new Local(TugboatHome.resolve().resolve("store"));
  }

  /** A store in a local folder. */
  record Local(Path root) implements StoreLocation {
    public Local {
      root = root.toAbsolutePath().normalize();
    }
  }

  /**
   * A store in an S3 bucket.
   *
   * @param bucket the bucket name
   * @param prefix the folder inside the bucket, without surrounding slashes; empty for the bucket's
   *     root
   * @param endpoint {@code http(s)://host[:port]}
   * @param region the bucket's region
   * @param pathStyle {@code true} for {@code https://host/bucket/...}, {@code false} for {@code
   *     https://bucket.host/...}
   * @param credentialsFile the AWS-style credentials file to read, or {@code null} to read the
   *     environment
   * @param profile the profile to use in {@code credentialsFile}
   */
  record S3(
      String bucket,
      String prefix,
      URI endpoint,
      String region,
      boolean pathStyle,
      Path credentialsFile,
      String profile)
      implements StoreLocation {

    public S3 {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(profile, "profile");
    }

    /** {@code s3://bucket/prefix at <endpoint>}, for messages. */
    public String describe() {
      return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpoint;
    }
  }
}
