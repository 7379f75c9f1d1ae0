package dev.tugboat.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster in a temporary folder, started with the server binaries of
 * Debian's {@code postgresql} package (the newest version under {@code /usr/lib/postgresql}). It
 * listens on 127.0.0.1 on a free port, trusts every local connection, and trades durability for
 * speed ({@code fsync=off}): fine for tests, which only need committed data to survive a killed
 * client, not a crashed server. {@link #close()} stops it and deletes the folder.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests do, the cluster runs as the {@code
 * postgres} user through {@code runuser}.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
  private static final String USER = "postgres";
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final Path binaries;
  private final Path root;
  private final int port;
  private final String database;
  private final boolean asPostgresUser;

  private PostgresServer(Path binaries, Path root, int port, String database) {
    this.binaries = binaries;
    this.root = root;
    this.port = port;
    this.database = database;
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
  }

  /**
   * Creates, starts and fills in a cluster with one empty database.
   *
   * @throws IllegalStateException when the PostgreSQL binaries are missing (with the command that
   *     installs them) or a step fails (with its output)
   */
  public static PostgresServer start(String database) throws IOException, InterruptedException {
    PostgresServer server =
        new PostgresServer(
            findBinaries(), Files.createTempDirectory("tugboat-pg-"), freePort(), database);
    server.initialize();
    return server;
  }

  /** The JDBC URL of the database; connect as {@link #user()} without a password. */
  public String jdbcUrl() {
    return jdbcUrl(database);
  }

  public String user() {
    return USER;
  }

  /** Stops the server (fast shutdown: open sessions are ended) and deletes its folder. */
  @Override
  public void close() throws IOException {
    try {
      run(postgresCommand("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping PostgreSQL in " + root, e);
    } finally {
      deleteRecursively(root);
    }
  }

  private void initialize() throws IOException, InterruptedException {
    if (asPostgresUser) {
      giveToPostgresUser(root);
    }
    run(
        postgresCommand(
            "initdb",
            "-D",
            data().toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync"));
    String serverOptions =
        String.join(
            " ",
            "-p " + port,
            "-k " + root,
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off");
    try {
      run(
          postgresCommand(
              "pg_ctl",
              "-D",
              data().toString(),
              "-l",
              root.resolve("server.log").toString(),
              "-w",
              "-o",
              serverOptions,
              "start"));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "\nServer log:\n" + serverLog(), e);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  private String jdbcUrl(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  private Path data() {
    return root.resolve("data");
  }

  private List<String> postgresCommand(String program, String... arguments) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.add(binaries.resolve(program).toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path findBinaries() throws IOException {
    if (Files.isDirectory(DEBIAN_VERSIONS)) {
      try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
        Path newest =
            versions
                .map(version -> version.resolve("bin"))
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                .max(Comparator.comparing(PostgresServer::majorVersion))
                .orElse(null);
        if (newest != null) {
          return newest;
        }
      }
    }
    throw new IllegalStateException(
        "PostgreSQL server binaries (initdb, pg_ctl) not found under "
            + DEBIAN_VERSIONS
            + "/<version>/bin. Install them with: apt-get install -y postgresql");
  }

  /** Orders {@code 9.6} before {@code 15}, which a plain string comparison would not. */
  private static int majorVersion(Path bin) {
    String version = bin.getParent().getFileName().toString();
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void giveToPostgresUser(Path folder) throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    PosixFileAttributeView attributes =
        Files.getFileAttributeView(folder, PosixFileAttributeView.class);
    attributes.setOwner(lookup.lookupPrincipalByName(USER));
    GroupPrincipal group = lookup.lookupPrincipalByGroupName(USER);
    attributes.setGroup(group);
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    // Output goes to a file, not a pipe: reading a pipe could block past the timeout.
    Path output = root.resolve("command.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    if (!finished || process.exitValue() != 0) {
      throw new IllegalStateException(
          (finished ? "Failed with exit code " + process.exitValue() : "Timed out")
              + ": "
              + String.join(" ", command)
              + "\n"
              + Files.readString(output));
    }
  }

  private String serverLog() {
    try {
      return Files.readString(root.resolve("server.log"));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
