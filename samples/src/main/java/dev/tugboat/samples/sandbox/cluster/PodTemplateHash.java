package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} of a Deployment's pod template, in Kubernetes' style: a 32-bit
 * FNV-1a hash (here of the template's canonical JSON) written with the consonants and digits of
 * {@code rand.SafeEncodeString}, e.g. {@code 5d7c9b8f46}, so equal templates always get the same
 * ReplicaSet name.
 */
final class PodTemplateHash {

  /** Kubernetes' alphabet without vowels and look-alikes, so hashes never spell words. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private PodTemplateHash() {}

  static String of(JsonObject template) {
    byte[] bytes = JsonFields.canonical(template).toString().getBytes(StandardCharsets.UTF_8);
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    String decimal = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder encoded = new StringBuilder();
    for (char digit : decimal.toCharArray()) {
      encoded.append(ALPHABET.charAt(digit % ALPHABET.length()));
    }
    return encoded.toString();
  }
}
