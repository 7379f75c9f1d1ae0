package dev.tugboat.runner.command;

import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Copies a backup's archive out of the store, as {@code velero backup download} does. */
@Command(
    name = "download",
    description = {
      "Copy the archive of a backup (its <name>.tar.gz) to a local file, by default <name>-data.tar.gz in the"
          + " current folder.",
      "The file appears only once complete; an existing file is kept unless --force is given."
    })
public class BackupDownloadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The backup.")
  String name;

  @Option(
      names = {"-o", "--file"},
      paramLabel = "FILE",
      description = "The file to write (default: <name>-data.tar.gz, as Velero names it).")
  Path file;

  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Globals globals = Globals.of(spec);
    PublishedBackup backup = PublishedBackup.find(Stores.open(globals), name);
    Path target = (file != null ? file : Path.of(name + "-data.tar.gz")).toAbsolutePath();
    if (!force && Files.exists(target)) {
      throw alreadyExists(target);
    }
    long bytes = download(backup, target);
    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      printer.json(new Download(name, target.toString(), bytes));
    } else {
      printer.line("Downloaded backup '%s' to %s (%d bytes)", name, target, bytes);
    }
    return 0;
  }

  /**
   * Writes to a temporary file next to the target, then renames it: an interrupted download never
   * leaves a truncated archive under the final name. The temporary file is readable by its owner
   * only, and keeps that when renamed: the archive holds Secret data.
   */
  private long download(PublishedBackup backup, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
    try {
      long bytes;
      try (InputStream archive = backup.openArchive()) {
        bytes = Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (force) {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // Without ATOMIC_MOVE, which would replace it, a file created meanwhile is kept.
        Files.move(partial, target);
      }
      return bytes;
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static IllegalArgumentException alreadyExists(Path target) {
    return new IllegalArgumentException(
        target + " already exists; pass --force to replace it, or -o to choose another file");
  }

  /** The JSON form. */
  record Download(String backup, String file, long bytes) {}
}
