package dev.tugboat.runner.command;

import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the versions a bug report needs. */
@Command(
    name = "version",
    description = "Print Tugboat's version and the versions it writes and talks to.")
public class VersionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Map<String, String> versions = versions();
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(versions);
    } else {
      versions.forEach((name, value) -> printer.line("%-18s %s", name, value));
    }
  }

  static Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("tugboat", property("META-INF/build-info.properties", "build.version"));
    versions.put("backupFormat", "1.1.0 (Velero)");
    versions.put(
        "kubernetesClient",
        property("META-INF/maven/io.kubernetes/client-java/pom.properties", "version"));
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  private static String property(String resource, String key) {
    Properties properties = new Properties();
    try (InputStream in = VersionCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return properties.getProperty(key, "unknown");
  }

  /** Answers {@code tugboat --version}. */
  public static class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tugboat " + versions().get("tugboat")};
    }
  }
}
