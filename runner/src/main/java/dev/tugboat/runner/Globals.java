package dev.tugboat.runner;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** The global options every command accepts, whichever subcommand they were given to. */
public interface Globals {

  Path kubeconfig();

  String context();

  String store();

  OutputFormat output();

  LogFormat logFormat();

  boolean debug();

  /** The global options of the command line that {@code spec} belongs to. */
  static Globals of(CommandSpec spec) {
    return (Globals) spec.root().userObject();
  }
}
