package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** Commands on restores: run one from a backup of the store (--store), and read their records. */
@Command(
    name = "restore",
    description =
        "Restore a backup of the store (--store) into a cluster, Velero's or Tugboat's; list and describe"
            + " the restores recorded there, print their logs, and roll a restore back.",
    // One class per subcommand; add new ones here.
    subcommands = {
      RestoreCreateCommand.class,
      RestoreListCommand.class,
      RestoreDescribeCommand.class,
      RestoreLogsCommand.class,
      RestoreRollbackCommand.class
    })
public class RestoreCommand {}
