package dev.tugboat.runner.command;

import dev.tugboat.core.archive.FolderPacker;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Turns an extracted backup folder back into an archive. */
@Command(
    name = "pack",
    description = {
      "Pack an extracted backup folder (one holding resources/, as `tar xzf` of a Velero or Ark backup leaves it)"
          + " into a Velero 1.1.0 archive.",
      "Old-format folders (no version folders) are upgraded: each item's version folder is taken from its"
          + " apiVersion. The archive appears only once it is complete."
    })
public class ArchivePackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FOLDER", description = "The extracted backup folder.")
  Path folder;

  @Option(
      names = "-o",
      required = true,
      paramLabel = "FILE",
      description = "The archive to write, e.g. -o mybackup.tar.gz.")
  Path archive;

  @Override
  public Integer call() throws IOException {
    Path target = archive.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
    long items;
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        items = FolderPacker.pack(folder, out);
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(Map.of("archive", target.toString(), "items", items));
    } else {
      printer.line("Packed %d items into %s", items, target);
    }
    return 0;
  }
}
