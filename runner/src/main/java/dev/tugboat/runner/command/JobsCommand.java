package dev.tugboat.runner.command;

import picocli.CommandLine.Command;

/** {@code tugboat jobs}: every job execution of the job repository, whatever its job. */
@Command(
    name = "jobs",
    description = {
      "List, inspect, restart, stop and prune the job executions of the job repository: backups,"
          + " restores and migrations alike.",
      "Each run of a command is a job execution with an id; a FAILED or STOPPED one resumes from its"
          + " last committed chunk."
    },
    subcommands = {
      JobsListCommand.class,
      JobsDescribeCommand.class,
      JobsRestartCommand.class,
      JobsStopCommand.class,
      JobsPruneCommand.class
    })
public class JobsCommand {}
