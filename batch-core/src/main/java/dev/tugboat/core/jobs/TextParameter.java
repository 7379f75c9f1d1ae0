package dev.tugboat.core.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A text job parameter of any length. Spring Batch keeps each parameter value in a column of 2,500
 * characters, which a request with resource modifiers or a migration plan outgrows. The text is
 * split into pieces ({@code name}, {@code name.1}, {@code name.2}...) that do not identify the job
 * instance; its SHA-256 ({@code name.sha256}) does, so equal texts still mean the same instance.
 */
public final class TextParameter {

  /** Characters per piece, below the column's 2,500 with room for any database's counting. */
  static final int PIECE = 2000;

  private TextParameter() {}

  /** Adds {@code text} under {@code name}; its digest identifies the job instance. */
  public static JobParametersBuilder add(
      JobParametersBuilder parameters, String name, String text) {
    return add(parameters, name, text, true);
  }

  /**
   * Adds {@code text} under {@code name}.
   *
   * @param identifying whether its digest is part of the job instance's identity
   */
  public static JobParametersBuilder add(
      JobParametersBuilder parameters, String name, String text, boolean identifying) {
    parameters.addString(name + ".sha256", sha256(text), identifying);
    int pieces = Math.max(1, (text.length() + PIECE - 1) / PIECE);
    for (int piece = 0; piece < pieces; piece++) {
      String value = text.substring(piece * PIECE, Math.min(text.length(), (piece + 1) * PIECE));
      parameters.addString(piece == 0 ? name : name + "." + piece, value, false);
    }
    return parameters;
  }

  /**
   * The text added under {@code name}.
   *
   * @return null when there is none
   * @throws IllegalArgumentException when a piece is missing (the digest does not match)
   */
  public static String get(JobParameters parameters, String name) {
    String first = parameters.getString(name);
    if (first == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(first);
    for (int piece = 1; parameters.getString(name + "." + piece) != null; piece++) {
      text.append(parameters.getString(name + "." + piece));
    }
    String expected = parameters.getString(name + ".sha256");
    if (expected == null || !expected.equals(sha256(text.toString()))) {
      throw new IllegalArgumentException(
          "job parameter '" + name + "' is incomplete: its pieces do not match its SHA-256");
    }
    return text.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
