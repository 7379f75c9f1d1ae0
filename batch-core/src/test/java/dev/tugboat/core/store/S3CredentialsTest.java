package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3CredentialsTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "AWS_ACCESS_KEY_ID", "env-key",
          "AWS_SECRET_ACCESS_KEY", "env-secret",
          "AWS_SESSION_TOKEN", "env-token");

  @Test
  void readsTheEnvironment() {
    assertThat(S3Credentials.fromEnvironment(ENVIRONMENT))
        .isEqualTo(new S3Credentials("env-key", "env-secret", "env-token"));
    assertThat(
            S3Credentials.fromEnvironment(
                Map.of("AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s")))
        .isEqualTo(new S3Credentials("k", "s", null));
  }

  @Test
  void missingEnvironmentVariablesAreNamed() {
    assertThatThrownBy(() -> S3Credentials.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "k")))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add"
                + " credentialsFile=<path> to the store URI");
  }

  @Test
  void aLocationsCredentialsFileWinsOverTheEnvironment(@TempDir Path folder) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("cloud"),
            "[backup]\naws_access_key_id = file-key\naws_secret_access_key = file-secret\n");

    assertThat(S3Credentials.of(location(file, "backup"), ENVIRONMENT))
        .isEqualTo(new S3Credentials("file-key", "file-secret", null));
    assertThat(S3Credentials.of(location(null, "default"), ENVIRONMENT))
        .isEqualTo(new S3Credentials("env-key", "env-secret", "env-token"));
  }

  @Test
  void toStringShowsNoSecret() {
    assertThat(new S3Credentials("env-key", "env-secret", "env-token").toString())
        .isEqualTo("S3Credentials[redacted]");
  }

  private static StoreLocation.S3 location(Path credentialsFile, String profile) {
    return new StoreLocation.S3(
        "bucket",
        "",
        URI.create("http://127.0.0.1:9000"),
        "us-east-1",
        true,
        credentialsFile,
        profile);
  }
}
