package dev.tugboat.core.store;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.credentials.StaticProvider;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.ErrorResponse;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * A backup store in an S3 bucket (AWS or any S3-compatible server), under an optional prefix, in
 * Velero's BackupStorageLocation layout.
 *
 * <p>Objects of unknown size are streamed as multipart uploads in 16 MiB parts, so a write holds
 * about one part in memory whatever the object's size. A failed write aborts its multipart upload.
 * TLS certificates are always verified.
 */
public final class S3BackupStore extends AbstractBackupStore {

  /** 16 MiB: bounds a write's memory and allows objects up to about 156 GiB (10,000 parts). */
  static final long PART_SIZE = 16L * 1024 * 1024;

  private static final String NO_SUCH_KEY = "NoSuchKey";
  private static final String NO_SUCH_BUCKET = "NoSuchBucket";

  /**
   * One HTTP client for every S3 store, as OkHttp recommends: building one takes hundreds of
   * milliseconds. Its calls run on daemon threads, so idle connections never hold the JVM open and
   * the stores need no closing.
   */
  private static final OkHttpClient HTTP_CLIENT =
      Http.newDefaultClient().newBuilder().dispatcher(new Dispatcher(daemonThreads())).build();

  private final MinioClient client;
  private final StoreLocation.S3 location;
  private final String objectPrefix;

  private S3BackupStore(MinioClient client, StoreLocation.S3 location) {
    this.client = client;
    this.location = location;
    this.objectPrefix = location.prefix().isEmpty() ? "" : location.prefix() + "/";
  }

  /**
   * Connects to the location's endpoint and checks that the bucket exists.
   *
   * @throws StoreException if the bucket does not exist or cannot be reached
   */
  public static S3BackupStore open(StoreLocation.S3 location, S3Credentials credentials) {
    MinioClient client =
        MinioClient.builder()
            .httpClient(HTTP_CLIENT)
            .endpoint(location.endpoint().toString())
            // A known region spares a GetBucketLocation call, one more thing servers differ on.
            .region(location.region())
            .credentialsProvider(
                new StaticProvider(
                    credentials.accessKeyId(),
                    credentials.secretAccessKey(),
                    credentials.sessionToken()))
            .build();
    if (location.pathStyle()) {
      client.disableVirtualStyleEndpoint();
    } else {
      client.enableVirtualStyleEndpoint();
    }
    S3BackupStore store = new S3BackupStore(client, location);
    store.requireBucket();
    return store;
  }

  @Override
  public String location() {
    return location.describe();
  }

  @Override
  protected void writeObject(String key, BodyWriter body) throws IOException {
    PipedUpload.run("tugboat-s3-upload", body, in -> upload(key, in));
  }

  private void upload(String key, InputStream in) {
    try {
      // Size unknown: MinIO buffers one part at a time and goes multipart past the first.
      client.putObject(
          PutObjectArgs.builder().bucket(bucket()).object(objectName(key)).stream(
                  in, null, PART_SIZE)
              .build());
    } catch (MinioException e) {
      throw failure("writing '" + key + "'", e);
    }
  }

  @Override
  protected InputStream readObject(String key) {
    try {
      return client.getObject(
          GetObjectArgs.builder().bucket(bucket()).object(objectName(key)).build());
    } catch (MinioException e) {
      if (hasCode(e, NO_SUCH_KEY)) {
        throw new StoreObjectNotFoundException(key, location());
      }
      throw failure("reading '" + key + "'", e);
    }
  }

  @Override
  protected boolean objectExists(String key) {
    try {
      client.statObject(StatObjectArgs.builder().bucket(bucket()).object(objectName(key)).build());
      return true;
    } catch (MinioException e) {
      if (hasCode(e, NO_SUCH_KEY)) {
        return false;
      }
      throw failure("checking '" + key + "'", e);
    }
  }

  @Override
  protected List<String> listObjects(String prefix) {
    Iterable<Result<Item>> results =
        client.listObjects(
            ListObjectsArgs.builder()
                .bucket(bucket())
                .prefix(objectName(prefix))
                .recursive(true)
                .build());
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> result : results) {
        keys.add(result.get().objectName().substring(objectPrefix.length()));
      }
    } catch (MinioException e) {
      throw failure("listing '" + prefix + "'", e);
    }
    return keys;
  }

  @Override
  protected void deleteObject(String key) {
    try {
      client.removeObject(
          RemoveObjectArgs.builder().bucket(bucket()).object(objectName(key)).build());
    } catch (MinioException e) {
      throw failure("deleting '" + key + "'", e);
    }
  }

  private void requireBucket() {
    boolean exists;
    try {
      exists = client.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build());
    } catch (MinioException e) {
      throw failure("checking bucket '" + bucket() + "'", e);
    }
    if (!exists) {
      throw missingBucket();
    }
  }

  private static ExecutorService daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "tugboat-s3-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private String bucket() {
    return location.bucket();
  }

  private String objectName(String keyOrPrefix) {
    return objectPrefix + keyOrPrefix;
  }

  private StoreException missingBucket() {
    return new StoreException("bucket '" + bucket() + "' does not exist at " + location.endpoint());
  }

  private StoreException failure(String action, MinioException e) {
    Optional<ErrorResponse> error = errorResponse(e);
    if (error.isEmpty()) {
      return new StoreException(action + " in " + location() + " failed: " + e.getMessage(), e);
    }
    if (NO_SUCH_BUCKET.equals(error.get().code())) {
      return missingBucket();
    }
    // Not kept as the cause: its toString() prints the request headers, session token included.
    return new StoreException(
        action
            + " in "
            + location()
            + " failed: "
            + error.get().code()
            + ": "
            + error.get().message());
  }

  /** The S3 error (code and message) of a failed request, if the server sent one. */
  private static Optional<ErrorResponse> errorResponse(MinioException e) {
    return e instanceof ErrorResponseException response
        ? Optional.of(response.errorResponse())
        : Optional.empty();
  }

  private static boolean hasCode(MinioException e, String code) {
    return errorResponse(e).map(error -> code.equals(error.code())).orElse(false);
  }
}
