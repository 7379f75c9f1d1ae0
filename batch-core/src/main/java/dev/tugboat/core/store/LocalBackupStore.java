package dev.tugboat.core.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A backup store in a local folder: Tugboat's embedded default, laid out exactly like a Velero
 * bucket so it can be copied to one as is.
 *
 * <p>An object is written to a dot-prefixed partial file next to its final place ({@code
 * .<file>.partial-<random>}), synced, then renamed atomically, so readers never see half an object.
 * Partial files left by a crash are never listed (dot-prefixed names are not valid keys), and the
 * next write or delete of the same key removes them: a key has one writer at a time (a job's run
 * lease sees to that), so another partial file of it can only be a crashed writer's. Objects are
 * created readable by their owner only, since backups hold Secret data.
 */
public final class LocalBackupStore extends AbstractBackupStore {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path root;

  public LocalBackupStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  protected void writeObject(String key, BodyWriter body) throws IOException {
    Path target = pathOf(key);
    Path partial = createPartialFile(key, target);
    try {
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
        body.writeTo(new NonClosingOutputStream(out));
        out.flush();
        // Without this, a crash soon after the rename could leave a complete-looking, truncated
        // file.
        channel.force(true);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      deleteCrashedPartials(target);
    } catch (Throwable failure) {
      discard(partial, failure);
      throw failure;
    }
  }

  @Override
  protected InputStream readObject(String key) {
    Path file = pathOf(key);
    try {
      if (!Files.isRegularFile(file)) {
        throw new StoreObjectNotFoundException(key, location());
      }
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new StoreObjectNotFoundException(key, location());
    } catch (IOException e) {
      throw new StoreException("cannot read '" + key + "' in " + location(), e);
    }
  }

  @Override
  protected boolean objectExists(String key) {
    return Files.isRegularFile(pathOf(key));
  }

  @Override
  protected List<String> listObjects(String prefix) {
    Path folder = root.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(this::keyOf)
          .filter(key -> key.startsWith(prefix))
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot list '" + prefix + "' in " + location(), e);
    }
  }

  @Override
  protected void deleteObject(String key) {
    Path file = pathOf(key);
    if (Files.isDirectory(file)) {
      return; // a folder is not an object: there is no such object to delete
    }
    try {
      boolean deleted = Files.deleteIfExists(file);
      if (deleteCrashedPartials(file) || deleted) {
        pruneEmptyFolders(file.getParent());
      }
    } catch (IOException e) {
      throw new StoreException("cannot delete '" + key + "' in " + location(), e);
    }
  }

  private Path createPartialFile(String key, Path target) {
    Path folder = target.getParent();
    try {
      Files.createDirectories(folder);
      return Files.createTempFile(folder, "." + target.getFileName() + ".partial-", "");
    } catch (IOException e) {
      throw new StoreException("cannot write '" + key + "' in " + location(), e);
    }
  }

  /**
   * Deletes the partial files of {@code target} other writers left behind.
   *
   * @return whether there were any
   */
  private static boolean deleteCrashedPartials(Path target) throws IOException {
    Path folder = target.getParent();
    if (!Files.isDirectory(folder)) {
      return false;
    }
    String partialPrefix = "." + target.getFileName() + ".partial-";
    boolean found = false;
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(folder, partialPrefix + "*")) {
      for (Path partial : partials) {
        found |= Files.deleteIfExists(partial);
      }
    }
    return found;
  }

  private void discard(Path partial, Throwable failure) {
    try {
      Files.deleteIfExists(partial);
      pruneEmptyFolders(partial.getParent());
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Deletes {@code folder} and its parents while they are empty, stopping below the root. */
  private void pruneEmptyFolders(Path folder) throws IOException {
    for (Path dir = folder; dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException e) {
        return;
      } catch (NoSuchFileException e) {
        // Already pruned by a concurrent delete; its parent may still be empty.
      }
    }
  }

  private Path pathOf(String key) {
    Path path = root;
    for (String segment : key.split("/")) {
      path = path.resolve(segment);
    }
    return path;
  }

  private String keyOf(Path file) {
    StringJoiner key = new StringJoiner("/");
    for (Path name : root.relativize(file)) {
      key.add(name.toString());
    }
    return key.toString();
  }
}
