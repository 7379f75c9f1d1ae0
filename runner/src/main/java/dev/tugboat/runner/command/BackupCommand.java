package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** Commands on backups: make them, and read, fetch and delete those of a store (--store). */
@Command(
    name = "backup",
    description =
        "Back up a cluster to the store (--store) in Velero's format; list, describe, download and delete"
            + " the backups there, and garbage-collect the expired ones.",
    // One class per subcommand; add new ones here.
    subcommands = {
      BackupCreateCommand.class,
      BackupListCommand.class,
      BackupDescribeCommand.class,
      BackupLogsCommand.class,
      BackupDownloadCommand.class,
      BackupDeleteCommand.class,
      BackupGcCommand.class
    })
public class BackupCommand {}
