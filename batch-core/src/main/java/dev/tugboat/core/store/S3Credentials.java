package dev.tugboat.core.store;

import java.util.Map;

/**
 * An S3 access key pair, with a session token for temporary credentials. {@link #toString()} shows
 * none of them.
 *
 * @param sessionToken {@code null} for long-term credentials
 */
public record S3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

  public S3Credentials {
    if (accessKeyId == null || accessKeyId.isBlank()) {
      throw new IllegalArgumentException("S3 access key id must not be empty");
    }
    if (secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("S3 secret access key must not be empty");
    }
    if (sessionToken != null && sessionToken.isBlank()) {
      sessionToken = null;
    }
  }

  /** The credentials a location names: its credentials file if it has one, else the environment. */
  public static S3Credentials of(StoreLocation.S3 location, Map<String, String> environment) {
    return location.credentialsFile() == null
        ? fromEnvironment(environment)
        : AwsCredentialsFile.read(location.credentialsFile(), location.profile());
  }

  /**
   * Reads {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and the optional {@code
   * AWS_SESSION_TOKEN}.
   *
   * @throws StoreException if either key is missing
   */
  public static S3Credentials fromEnvironment(Map<String, String> environment) {
    String accessKeyId = environment.get("AWS_ACCESS_KEY_ID");
    String secretAccessKey = environment.get("AWS_SECRET_ACCESS_KEY");
    if (isBlank(accessKeyId) || isBlank(secretAccessKey)) {
      throw new StoreException(
          "no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add"
              + " credentialsFile=<path> to the store URI");
    }
    return new S3Credentials(accessKeyId, secretAccessKey, environment.get("AWS_SESSION_TOKEN"));
  }

  @Override
  public String toString() {
    return "S3Credentials[redacted]";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
