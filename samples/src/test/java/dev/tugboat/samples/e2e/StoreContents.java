package dev.tugboat.samples.e2e;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every object of a store, read whole into memory, keyed as the store keys them (relative to its
 * root, {@code /}-separated). Test backups are small, and reading the raw files or bucket rather
 * than going through Tugboat's store classes means a checker sees what Velero would see, leftovers
 * included.
 */
public record StoreContents(Map<String, byte[]> objects) {

  public StoreContents {
    objects = new TreeMap<>(objects);
  }

  /** The files under a local store's root folder. */
  public static StoreContents ofFolder(Path root) throws IOException {
    Map<String, byte[]> objects = new TreeMap<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          objects.put(
              root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    return new StoreContents(objects);
  }

  /** The objects under {@code prefix/} of an S3 bucket. */
  public static StoreContents ofBucket(MinioClient client, String bucket, String prefix)
      throws Exception {
    String root = prefix.isEmpty() ? "" : prefix + "/";
    Map<String, byte[]> objects = new TreeMap<>();
    for (Result<Item> result :
        client.listObjects(
            ListObjectsArgs.builder().bucket(bucket).prefix(root).recursive(true).build())) {
      String key = result.get().objectName();
      try (InputStream in =
          client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
        objects.put(key.substring(root.length()), in.readAllBytes());
      }
    }
    return new StoreContents(objects);
  }

  byte[] get(String key) {
    byte[] bytes = objects.get(key);
    if (bytes == null) {
      throw new AssertionError("the store has no object '" + key + "'; it has " + objects.keySet());
    }
    return bytes;
  }
}
