package dev.tugboat.core.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Tugboat's home folder, holding the default store: {@code $TUGBOAT_HOME}, else {@code ~/.tugboat}.
 */
public final class TugboatHome {

  public static final String ENVIRONMENT_VARIABLE = "TUGBOAT_HOME";

  private TugboatHome() {}

  public static Path resolve() {
    return resolve(System.getenv(), System.getProperty("user.home"));
  }

  public static Path resolve(Map<String, String> environment, String userHome) {
    String home = environment.get(ENVIRONMENT_VARIABLE);
    Path path = home == null || home.isBlank() ? Path.of(userHome, ".tugboat") : Path.of(home);
    return path.toAbsolutePath().normalize();
  }
}
