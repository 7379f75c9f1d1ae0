package dev.tugboat.core.testing;

import io.minio.ListMultipartUploadsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import io.minio.messages.ListMultipartUploadsResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 server in the test JVM: S3Proxy over a folder, on a free port of 127.0.0.1, speaking real
 * HTTP with AWS signature checks. Start one per test class; use a fresh bucket per test.
 */
public final class S3ProxyServer {

  public static final String ACCESS_KEY = "access";
  public static final String SECRET_KEY = "secret-key";
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final MinioClient client;
  private final MinioAsyncClient asyncClient;

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
    String endpoint = "http://127.0.0.1:" + proxy.getPort();
    this.client =
        MinioClient.builder()
            .endpoint(endpoint)
            .credentials(ACCESS_KEY, SECRET_KEY)
            .region(REGION)
            .build();
    // Only the asynchronous client exposes ListMultipartUploads.
    this.asyncClient =
        MinioAsyncClient.builder()
            .endpoint(endpoint)
            .credentials(ACCESS_KEY, SECRET_KEY)
            .region(REGION)
            .build();
  }

  /** Starts a server keeping its buckets under {@code dataDir}. */
  public static S3ProxyServer start(Path dataDir) throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(dataDir.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> "STARTED".equals(proxy.getState()));
    return new S3ProxyServer(proxy);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** A client with the server's credentials, for setting up and inspecting buckets. */
  public MinioClient client() {
    return client;
  }

  public void createBucket(String bucket) throws MinioException {
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
  }

  /** Object names of the multipart uploads started and neither completed nor aborted. */
  public List<String> incompleteUploads(String bucket) {
    ListMultipartUploadsResult result =
        asyncClient
            .listMultipartUploads(ListMultipartUploadsArgs.builder().bucket(bucket).build())
            .join()
            .result();
    return result.uploads() == null
        ? List.of()
        : result.uploads().stream()
            .map(ListMultipartUploadsResult.Upload::objectName)
            .collect(Collectors.toList());
  }

  public void stop() throws Exception {
    client.close();
    asyncClient.close();
    proxy.stop();
  }
}
