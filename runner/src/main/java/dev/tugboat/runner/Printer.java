package dev.tugboat.runner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's result to its standard output, as text for people or as JSON for scripts. */
public final class Printer {

  private static final Gson JSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final PrintWriter out;

  public Printer(CommandSpec spec) {
    this.out = spec.commandLine().getOut();
  }

  public void line(String format, Object... args) {
    out.println(args.length == 0 ? format : String.format(format, args));
    out.flush();
  }

  public void json(Object value) {
    out.println(JSON.toJson(value));
    out.flush();
  }
}
