package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCredentialsFileTest {

  private static final String FILE =
      """
      # Velero's cloud credentials
      [default]
      aws_access_key_id=minio
      aws_secret_access_key=minio123

      ; temporary credentials
      [ tugboat ]
        AWS_ACCESS_KEY_ID = ASIA-tug
        aws_secret_access_key = tug-secret
        aws_session_token = tug-token
      """;

  @TempDir Path folder;

  @Test
  void readsTheRequestedProfile() throws IOException {
    Path file = write(FILE);

    assertThat(AwsCredentialsFile.read(file, "default"))
        .isEqualTo(new S3Credentials("minio", "minio123", null));
    assertThat(AwsCredentialsFile.read(file, "tugboat"))
        .isEqualTo(new S3Credentials("ASIA-tug", "tug-secret", "tug-token"));
  }

  @Test
  void aMissingProfileIsNamedWithTheAvailableOnes() throws IOException {
    Path file = write(FILE);

    assertThatThrownBy(() -> AwsCredentialsFile.read(file, "prod"))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "profile 'prod' not found in credentials file "
                + file
                + " (profiles: [default, tugboat])");
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    Path file = write("[default]\naws_access_key_id = minio\n");

    assertThatThrownBy(() -> AwsCredentialsFile.read(file, "default"))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "credentials file " + file + ", profile 'default': missing aws_secret_access_key");
  }

  @Test
  void aMalformedLineIsReportedByNumberWithoutQuotingIt() throws IOException {
    Path file = write("[default]\naws_access_key_id = minio\nminio123\n");

    assertThatThrownBy(() -> AwsCredentialsFile.read(file, "default"))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "credentials file "
                + file
                + ", line 3: expected [profile] or key = value inside a profile");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = folder.resolve("absent");

    assertThatThrownBy(() -> AwsCredentialsFile.read(file, "default"))
        .isInstanceOf(StoreException.class)
        .hasMessage("credentials file " + file + " does not exist");
  }

  private Path write(String content) throws IOException {
    return Files.writeString(folder.resolve("cloud"), content);
  }
}
