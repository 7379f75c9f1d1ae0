package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreLocationTest {

  @Test
  void aPathOrFileUriIsALocalStore() {
    assertThat(StoreLocation.parse("/var/lib/tugboat/../store/"))
        .isEqualTo(new StoreLocation.Local(Path.of("/var/lib/store")));
    assertThat(StoreLocation.parse("file:///var/lib/store"))
        .isEqualTo(new StoreLocation.Local(Path.of("/var/lib/store")));
    assertThat(StoreLocation.parse("relative/store"))
        .isEqualTo(new StoreLocation.Local(Path.of("").toAbsolutePath().resolve("relative/store")));
  }

  @Test
  void anS3UriWithEveryParameter() {
    assertThat(
            StoreLocation.parse(
                "s3://velero-backups/team/cluster-a/?endpoint=https://minio.example.com:9000"
                    + "&region=eu-west-1&pathStyle=false&credentialsFile=/etc/velero/cloud"
                    + "&profile=tugboat"))
        .isEqualTo(
            new StoreLocation.S3(
                "velero-backups",
                "team/cluster-a",
                URI.create("https://minio.example.com:9000"),
                "eu-west-1",
                false,
                Path.of("/etc/velero/cloud"),
                "tugboat"));
  }

  @Test
  void anS3CompatibleServerDefaultsToPathStyleInUsEast1() {
    assertThat(StoreLocation.parse("s3://backups?endpoint=http%3A%2F%2F127.0.0.1%3A9000%2F"))
        .isEqualTo(
            new StoreLocation.S3(
                "backups",
                "",
                URI.create("http://127.0.0.1:9000"),
                "us-east-1",
                true,
                null,
                "default"));
  }

  @Test
  void awsS3NeedsOnlyARegionAndUsesVirtualHostStyle() {
    assertThat(StoreLocation.parse("s3://backups/velero?region=eu-west-1"))
        .isEqualTo(
            new StoreLocation.S3(
                "backups",
                "velero",
                URI.create("https://s3.eu-west-1.amazonaws.com"),
                "eu-west-1",
                false,
                null,
                "default"));
    assertThat(
            ((StoreLocation.S3)
                    StoreLocation.parse("s3://backups?endpoint=https://s3.amazonaws.com"))
                .pathStyle())
        .isFalse();
  }

  @Test
  void anS3LocationDescribesItselfWithoutCredentials() {
    StoreLocation.S3 location =
        (StoreLocation.S3)
            StoreLocation.parse(
                "s3://backups/team?endpoint=http://127.0.0.1:9000&credentialsFile=/etc/cloud");

    assertThat(location.describe()).isEqualTo("s3://backups/team at http://127.0.0.1:9000");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''| store location must not be empty",
        "ftp://host/store| unsupported store URI scheme 'ftp': use file:///path, a plain path, or"
            + " s3://bucket/prefix",
        "file:relative| invalid file store URI 'file:relative': use file:///absolute/path or a"
            + " plain path",
        "s3:///prefix?endpoint=http://h:1| s3 store URI needs a bucket: s3://<bucket>/<prefix>",
        "s3://Bad_Bucket?endpoint=http://h:1| invalid bucket name 'Bad_Bucket': 3 to 63"
            + " lowercase letters, digits, '.' and '-', starting and ending with a letter or digit",
        "s3://backups| s3 store URI needs endpoint=<http(s)://host:port> for an S3-compatible"
            + " server, or region=<region> for AWS S3",
        "s3://backups/a/../b?endpoint=http://h:1| invalid s3 store prefix 'a/../b': no empty, '.'"
            + " or '..' segments",
        "s3://backups?endpoint=ftp://h| invalid s3 endpoint 'ftp://h': the scheme must be http or"
            + " https (expected http(s)://host[:port])",
        "s3://backups?endpoint=http://h:1/api| invalid s3 endpoint 'http://h:1/api': only scheme,"
            + " host and port are allowed (expected http(s)://host[:port])",
        "s3://backups?endpoint=| s3 store URI parameter 'endpoint' has no value",
        "s3://backups?region=eu-west-1&region=us-east-1| s3 store URI parameter 'region' is given"
            + " more than once",
        "s3://backups?region=eu-west-1&pathStyle=yes| s3 store URI parameter 'pathStyle' must be"
            + " true or false, not 'yes'",
        "s3://backups?region=eu-west-1&profile=prod| s3 store URI parameter 'profile' needs"
            + " credentialsFile=<path>",
        "s3://backups?region=EU_WEST| invalid AWS region 'EU_WEST': lowercase letters, digits and"
            + " '-'",
      })
  void badUrisAreExplained(String uri, String message) {
    assertThatThrownBy(() -> StoreLocation.parse(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void credentialsInTheUriAreRefusedWithoutBeingQuoted() {
    assertThatThrownBy(() -> StoreLocation.parse("s3://AKIA:top-secret@backups?region=eu-west-1"))
        .hasMessage(
            "s3 store URI must not contain credentials: set AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, or add credentialsFile=<path>");
    assertThatThrownBy(
            () -> StoreLocation.parse("s3://backups?endpoint=http://AKIA:top-secret@host:9000"))
        .hasMessage("s3 endpoint must not contain credentials");
    assertThatThrownBy(
            () -> StoreLocation.parse("s3://backups?region=eu-west-1&secretKey=top-secret"))
        .hasMessage(
            "unknown s3 store URI parameter 'secretKey' (known: endpoint, region, pathStyle,"
                + " credentialsFile, profile)");
  }
}
