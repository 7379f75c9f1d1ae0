package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.testing.S3ProxyServer;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract over real HTTP against S3Proxy, plus what is specific to S3. */
class S3BackupStoreTest extends BackupStoreContract {

  private static final String PREFIX = "team/velero";
  private static final long MIB = 1024 * 1024;
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static final S3Credentials CREDENTIALS =
      new S3Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, null);

  private static S3ProxyServer server;

  private String bucket;

  @BeforeAll
  static void startServer(@TempDir Path data) throws Exception {
    server = S3ProxyServer.start(data);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
  }

  @Override
  protected BackupStore createStore() throws Exception {
    bucket = "bucket-" + BUCKETS.incrementAndGet();
    server.createBucket(bucket);
    return S3BackupStore.open(location(bucket), CREDENTIALS);
  }

  @Override
  protected List<String> rawEntries() throws Exception {
    List<String> entries = new ArrayList<>();
    for (Result<Item> result :
        server
            .client()
            .listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
      String name = result.get().objectName();
      entries.add(name.startsWith(PREFIX + "/") ? name.substring(PREFIX.length() + 1) : name);
    }
    return entries;
  }

  @Test
  void locationNamesBucketPrefixAndEndpoint() {
    assertThat(store.location())
        .isEqualTo("s3://" + bucket + "/team/velero at " + server.endpoint());
  }

  @Test
  void anObjectOfUnknownSizeIsUploadedInParts() throws Exception {
    store.write("backups/a/a.tar.gz", out -> RandomBytes.write(out, 40 * MIB, 3));

    String etag =
        server
            .client()
            .statObject(
                StatObjectArgs.builder()
                    .bucket(bucket)
                    .object(PREFIX + "/backups/a/a.tar.gz")
                    .build())
            .etag();
    // A multipart ETag ends with the part count: 16 + 16 + 8 MiB.
    assertThat(etag.replace("\"", "")).endsWith("-3");
  }

  @Test
  void aBodyFailingMidUploadAbortsTheMultipartUpload() {
    IOException bodyFailure = new IOException("archive generation failed");
    List<List<String>> uploadsWhileWriting = new ArrayList<>();

    assertThatThrownBy(
            () ->
                store.write(
                    "backups/a/a.tar.gz",
                    out -> {
                      RandomBytes.write(out, 40 * MIB, 5);
                      // The pipe holds ~1 MiB, so the upload has started its third part by now.
                      uploadsWhileWriting.add(server.incompleteUploads(bucket));
                      throw bodyFailure;
                    }))
        .isSameAs(bodyFailure);

    assertThat(uploadsWhileWriting).containsExactly(List.of(PREFIX + "/backups/a/a.tar.gz"));
    assertThat(server.incompleteUploads(bucket)).isEmpty();
    assertThat(store.exists("backups/a/a.tar.gz")).isFalse();
  }

  @Test
  void aMissingBucketIsReportedWithItsEndpoint() {
    assertThatThrownBy(() -> S3BackupStore.open(location("no-such-bucket"), CREDENTIALS))
        .isInstanceOf(StoreException.class)
        .hasMessage("bucket 'no-such-bucket' does not exist at " + server.endpoint());
  }

  @Test
  void wrongCredentialsAreReportedWithoutQuotingThem() {
    S3Credentials wrong = new S3Credentials("intruder", "not-the-secret", "session-secret");

    assertThatThrownBy(() -> S3BackupStore.open(location(bucket), wrong))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "checking bucket '" + bucket + "' in " + store.location() + " failed: ")
        .hasNoCause()
        .satisfies(
            e ->
                assertThat(e.toString())
                    .doesNotContain("intruder", "not-the-secret", "session-secret"));
  }

  @Test
  void aStoreUriWithACredentialsFileOpensTheBucket(@TempDir Path folder) throws IOException {
    Path credentials = folder.resolve("cloud");
    Files.writeString(
        credentials,
        "[default]\naws_access_key_id = nobody\naws_secret_access_key = nothing\n\n"
            + "[tugboat]\naws_access_key_id = access\naws_secret_access_key = secret-key\n");
    String uri =
        "s3://"
            + bucket
            + "/"
            + PREFIX
            + "?endpoint="
            + server.endpoint()
            + "&credentialsFile="
            + credentials
            + "&profile=tugboat";

    BackupStore opened = BackupStores.open(StoreLocation.parse(uri), Map.of());
    opened.write("backups/a/a.tar.gz", out -> out.write(7));

    try (InputStream in = store.read("backups/a/a.tar.gz")) {
      assertThat(in.readAllBytes()).containsExactly(7);
    }
  }

  private static StoreLocation.S3 location(String bucket) {
    return new StoreLocation.S3(
        bucket, PREFIX, server.endpoint(), S3ProxyServer.REGION, true, null, "default");
  }
}
