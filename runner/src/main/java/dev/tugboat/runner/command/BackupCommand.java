package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** Commands on the backups of a store (the global {@code --store}). */
@Command(
    name = "backup",
    description = "List, describe, download and delete the backups of a store (--store).",
    // One class per subcommand; add new ones here.
    subcommands = {
      BackupListCommand.class,
      BackupDescribeCommand.class,
      BackupLogsCommand.class,
      BackupDownloadCommand.class,
      BackupDeleteCommand.class
    })
public class BackupCommand {}
