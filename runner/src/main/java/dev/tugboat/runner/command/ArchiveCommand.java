package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** Commands on backup archive files: the {@code <name>.tar.gz} inside a backup. */
@Command(
    name = "archive",
    description = "Pack and inspect Velero-format backup archives (the <name>.tar.gz of a backup).",
    subcommands = {ArchivePackCommand.class, ArchiveInspectCommand.class})
public class ArchiveCommand {}
