package dev.tugboat.core.jobs;

/**
 * Named places where a test can make a job's process die at once, as {@code kill -9} would, to
 * prove that a restart finishes the job exactly. Off unless the system property {@value #PROPERTY}
 * names the point, as {@code name} (the first time it is reached) or {@code name#N} (the N-th
 * time); then the JVM halts with exit code {@value #EXIT_CODE}, skipping shutdown hooks and finally
 * blocks, so nothing gets to tidy up.
 */
public final class CrashPoint {

  /** The system property naming the point to crash at. */
  public static final String PROPERTY = "tugboat.crash-at";

  /** The exit code of a crash: what a shell reports for a process killed by SIGKILL. */
  public static final int EXIT_CODE = 137;

  private static final String TARGET = System.getProperty(PROPERTY, "");
  private static int hits;

  private CrashPoint() {}

  /** Marks that the job has reached {@code name}; halts here if a test asked for it. */
  public static void reach(String name) {
    if (TARGET.isEmpty() || !TARGET.startsWith(name)) {
      return;
    }
    String rest = TARGET.substring(name.length());
    int wanted =
        rest.isEmpty() ? 1 : rest.startsWith("#") ? Integer.parseInt(rest.substring(1)) : 0;
    if (wanted > 0 && count() == wanted) {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }

  private static synchronized int count() {
    return ++hits;
  }
}
