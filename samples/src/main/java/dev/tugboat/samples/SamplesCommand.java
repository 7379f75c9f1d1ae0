package dev.tugboat.samples;

import dev.tugboat.samples.demo.DemoCommand;
import dev.tugboat.samples.sandbox.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands that live in samples rather than in Tugboat itself, which the {@code tugboat}
 * launcher runs from the samples jar: {@code tugboat demo} and {@code tugboat sandbox ...}.
 */
@Command(
    name = "tugboat",
    mixinStandardHelpOptions = true,
    subcommands = {DemoCommand.class, SandboxCommand.class})
public final class SamplesCommand {

  public static void main(String[] args) {
    System.exit(new CommandLine(new SamplesCommand()).execute(args));
  }
}
