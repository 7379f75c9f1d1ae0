package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** Commands on backups: make them, and read, fetch and delete those in the store. */
@Command(
    name = "backup",
    description =
        "Back up cluster resources to the store, in Velero's format, and manage the backups there.",
    subcommands = {BackupCreateCommand.class})
public class BackupCommand {}
