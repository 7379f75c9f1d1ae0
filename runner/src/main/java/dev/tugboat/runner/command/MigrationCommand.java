package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** {@code tugboat migration}: the migrations recorded in the job repository. */
@Command(
    name = "migration",
    description = "List migrations and describe one.",
    subcommands = {MigrationListCommand.class, MigrationDescribeCommand.class})
public class MigrationCommand {}
