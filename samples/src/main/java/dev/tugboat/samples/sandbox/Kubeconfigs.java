package dev.tugboat.samples.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes a kubeconfig pointing at a sandbox. */
final class Kubeconfigs {

  /** The bearer token clients send; the sandbox accepts any. */
  static final String TOKEN = "sandbox-token";

  private Kubeconfigs() {}

  /**
   * @param caPem the CA certificate to trust, or null for plain HTTP
   */
  static Path write(Path file, String context, String server, String caPem) throws IOException {
    String authority =
        caPem == null
            ? ""
            : "    certificate-authority-data: "
                + Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII))
                + "\n";
    String yaml =
        "apiVersion: v1\n"
            + "kind: Config\n"
            + "clusters:\n"
            + "- name: "
            + context
            + "\n"
            + "  cluster:\n"
            + "    server: "
            + server
            + "\n"
            + authority
            + "contexts:\n"
            + "- name: "
            + context
            + "\n"
            + "  context:\n"
            + "    cluster: "
            + context
            + "\n"
            + "    user: "
            + context
            + "\n"
            + "    namespace: default\n"
            + "current-context: "
            + context
            + "\n"
            + "users:\n"
            + "- name: "
            + context
            + "\n"
            + "  user:\n"
            + "    token: "
            + TOKEN
            + "\n";
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
