package dev.tugboat.core.cluster;

import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.credentials.TokenFileAuthentication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a client from a server URL, a token and a CA certificate file. */
final class ExplicitServerLoader {

  private ExplicitServerLoader() {}

  static ConfiguredCluster load(ClusterSource.Explicit source, String displayName) {
    String server = source.server().toString();
    ClientBuilder builder =
        new ClientBuilder()
            .setBasePath(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    if (source.certificateAuthority() != null) {
      builder.setCertificateAuthority(read(source.certificateAuthority(), "CA certificate"));
    }
    if (source.token() != null) {
      builder.setAuthentication(new AccessTokenAuthentication(source.token()));
    } else if (source.tokenFile() != null) {
      if (read(source.tokenFile(), "token").length == 0) {
        throw new ClusterAccessException("Token file " + source.tokenFile() + " is empty");
      }
      // Re-reads the file periodically: projected service-account tokens rotate.
      builder.setAuthentication(new TokenFileAuthentication(source.tokenFile().toString()));
    }
    return new ConfiguredCluster(builder, displayName);
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ClusterAccessException("Cannot read " + what + " file " + file, e);
    }
  }
}
