package dev.tugboat.runner;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs {@code backup create --no-wait} and {@code restore create --no-wait}: starts the same
 * command, waiting, in a process of its own whose output goes to a log file under Tugboat's home,
 * and returns at once. The child is this process's own command line with only the wait option
 * replaced, so it runs with the same JVM options, jar or classpath, job repository and store.
 */
public final class BackgroundRun {

  /** The option that makes a command wait for its job; {@code --no-wait} runs it in background. */
  public static final String WAIT_OPTION = "--wait";

  private static final String NO_WAIT_OPTION = "--no-wait";

  /**
   * Tells a background run the pid of the process that started it. The child waits for that process
   * to exit before it starts: the embedded job repository (an H2 file) admits one process at a
   * time, and the starter holds it until it exits.
   */
  static final String STARTER_PID_VARIABLE = "TUGBOAT_STARTER_PID";

  /** How long a background run waits for its starter; it exits right after printing the pid. */
  private static final long STARTER_EXIT_SECONDS = 60;

  private BackgroundRun() {}

  /** The JSON result of a run started in the background. */
  record Started(String name, long pid, String log) {}

  /**
   * Starts the command of {@code spec} again, waiting, in the background.
   *
   * @param kind {@code backup} or {@code restore}: names the log file and the describe command
   * @param name the run's name, already checked to be a DNS name (it names the log file)
   * @param appended arguments the child needs beyond this process's own, e.g. a generated NAME
   * @param home Tugboat's home folder; the log goes to its {@code logs} folder
   * @return the exit code: {@link ExitCodes#OK} once the child started, {@link
   *     ExitCodes#PRECONDITION} when this process's command line cannot be known
   */
  public static int start(
      CommandSpec spec, String kind, String name, List<String> appended, Path home)
      throws IOException {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<String> executable = self.command();
    Optional<String[]> arguments = self.arguments();
    if (executable.isEmpty() || arguments.isEmpty()) {
      // Linux JDKs read one page of /proc/PID/cmdline: a longer command line (a long -cp) is
      // not given.
      return refuse(
          spec,
          "the JVM does not expose its command line to repeat it (on Linux, not when it is over"
              + " 4 KB, as with a long -cp); start tugboat with `java -jar`, or without --no-wait");
    }
    List<String> userArguments = spec.root().commandLine().getParseResult().originalArgs();
    List<String> command;
    try {
      command = childCommand(executable.get(), List.of(arguments.get()), userArguments, appended);
    } catch (IllegalArgumentException e) {
      return refuse(spec, e.getMessage());
    }
    Path logs = home.toAbsolutePath().resolve("logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(kind + "-" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            // Appended: the output of an earlier, failed run of the same name stays readable.
            .redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().put(STARTER_PID_VARIABLE, Long.toString(ProcessHandle.current().pid()));
    Process child = builder.start();
    // Nothing will ever be typed to it: end of input rather than a pipe left open.
    child.getOutputStream().close();
    Started started = new Started(name, child.pid(), log.toString());
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(started);
    } else {
      printer.line(
          "%s %s started in the background (pid %d); its output goes to %s; when it ends,"
              + " `tugboat %s describe %s` shows it",
          kind, name, started.pid(), log, kind, name);
    }
    return ExitCodes.OK;
  }

  private static int refuse(CommandSpec spec, String reason) {
    spec.commandLine().getErr().println("tugboat: cannot run in the background: " + reason);
    return ExitCodes.PRECONDITION;
  }

  /**
   * The command line of the background run: this process's executable and JVM arguments (options,
   * {@code -jar} or {@code -cp}, main class) unchanged, then the user's arguments with the wait
   * option made {@code --wait}, then {@code appended}.
   *
   * @param processArguments this process's arguments, which end with the user's
   * @param userArguments the arguments the command line was parsed from
   * @throws IllegalArgumentException when {@code processArguments} do not end with {@code
   *     userArguments}, so the JVM's part cannot be told apart
   */
  static List<String> childCommand(
      String executable,
      List<String> processArguments,
      List<String> userArguments,
      List<String> appended) {
    int jvmArgumentCount = processArguments.size() - userArguments.size();
    if (jvmArgumentCount < 0
        || !processArguments
            .subList(jvmArgumentCount, processArguments.size())
            .equals(userArguments)) {
      throw new IllegalArgumentException(
          "the process's arguments do not end with the command's own ("
              + String.join(" ", userArguments)
              + "), as they do when tugboat runs as its own java process");
    }
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(processArguments.subList(0, jvmArgumentCount));
    command.addAll(waiting(userArguments));
    command.addAll(appended);
    return command;
  }

  /**
   * The arguments with every form of the wait option picocli accepts ({@code --wait}, {@code
   * --no-wait}, each alone, with {@code =VALUE} or followed by {@code true} or {@code false}) made
   * one {@code --wait}, in the place of the first. Arguments after {@code --} are values, left
   * alone.
   */
  static List<String> waiting(List<String> arguments) {
    List<String> result = new ArrayList<>();
    boolean replaced = false;
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.equals("--")) {
        if (!replaced) {
          result.add(WAIT_OPTION);
          replaced = true;
        }
        result.addAll(arguments.subList(i, arguments.size()));
        break;
      }
      if (!isWaitOption(argument)) {
        result.add(argument);
        continue;
      }
      if (!replaced) {
        result.add(WAIT_OPTION);
        replaced = true;
      }
      if (!argument.contains("=") && i + 1 < arguments.size() && isBoolean(arguments.get(i + 1))) {
        i++; // picocli read the next argument as the option's value
      }
    }
    if (!replaced) {
      result.add(WAIT_OPTION);
    }
    return result;
  }

  private static boolean isWaitOption(String argument) {
    for (String option : List.of(WAIT_OPTION, NO_WAIT_OPTION)) {
      if (argument.equals(option) || argument.startsWith(option + "=")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoolean(String argument) {
    String lower = argument.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false");
  }

  /**
   * In a background run, waits until the process that started it has exited and released the job
   * repository; elsewhere returns at once. After {@value #STARTER_EXIT_SECONDS} s it goes on: the
   * repository then reports the clash itself.
   */
  static void awaitStarterExit() {
    String starter = System.getenv(STARTER_PID_VARIABLE);
    if (starter == null) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(starter));
    if (handle.isEmpty()) {
      return;
    }
    try {
      handle.get().onExit().get(STARTER_EXIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Going on is the best left to do; see the method's comment.
    }
  }
}
