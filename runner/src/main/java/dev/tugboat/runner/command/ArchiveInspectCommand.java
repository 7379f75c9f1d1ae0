package dev.tugboat.runner.command;

import dev.tugboat.core.archive.ArchiveReader;
import dev.tugboat.core.archive.ArchivedItem;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads a whole archive and says what it holds, or exactly where it is damaged or unsafe. */
@Command(
    name = "inspect",
    description = {
      "Read a backup archive to its end and summarise it: format version, items per resource and namespaces.",
      "Refuses unsafe entries (absolute paths, '..', links, devices) and reports a damaged or truncated archive"
          + " with the entry where it breaks (exit code 4)."
    })
public class ArchiveInspectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The archive, e.g. mybackup.tar.gz.")
  Path archive;

  @Override
  public Integer call() throws IOException {
    Summary summary = summarise(archive);
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(summary);
      return 0;
    }
    printer.line("Archive:      %s", summary.archive());
    printer.line("Format:       %s", summary.formatVersion());
    printer.line(
        "Items:        %d (and %d copies in version folders)",
        summary.items(), summary.versionedCopies());
    printer.line("Namespaces:   %d %s", summary.namespaces().size(), summary.namespaces());
    printer.line("");
    printer.line("%-60s %s", "RESOURCE", "ITEMS");
    summary
        .itemsPerResource()
        .forEach((resource, count) -> printer.line("%-60s %d", resource, count));
    return 0;
  }

  static Summary summarise(Path archive) throws IOException {
    SortedMap<String, Long> perResource = new TreeMap<>();
    SortedSet<String> namespaces = new TreeSet<>();
    long items = 0;
    long versionedCopies = 0;
    try (InputStream in = Files.newInputStream(archive);
        ArchiveReader reader = ArchiveReader.open(in)) {
      for (ArchivedItem item = reader.next(); item != null; item = reader.next()) {
        if (!item.isClassicCopy()) {
          versionedCopies++;
          continue;
        }
        items++;
        perResource.merge(item.path().groupResource(), 1L, Long::sum);
        if (item.path().namespace() != null) {
          namespaces.add(item.path().namespace());
        }
      }
      String format = reader.formatVersion().orElse("none (Ark, or Velero before v0.11)");
      return new Summary(
          archive.toString(), format, items, versionedCopies, namespaces, perResource);
    }
  }

  /** What an archive holds; also the JSON form. */
  record Summary(
      String archive,
      String formatVersion,
      long items,
      long versionedCopies,
      SortedSet<String> namespaces,
      Map<String, Long> itemsPerResource) {}
}
