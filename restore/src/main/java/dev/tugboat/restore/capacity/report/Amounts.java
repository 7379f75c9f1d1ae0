package dev.tugboat.restore.capacity.report;

import dev.tugboat.restore.capacity.resources.ResourceVector;

/**
 * Writes an amount in the scheduler's unit the way {@code tugboat capacity --output text} does, so
 * the page and the terminal agree: cpu in millicores, memory in the largest binary unit that
 * divides it exactly, anything else as a plain count.
 */
final class Amounts {

  private static final long KI = 1024;
  private static final long MI = KI * 1024;
  private static final long GI = MI * 1024;

  private Amounts() {}

  static String format(String resource, long amount) {
    if (resource.equals(ResourceVector.CPU)) {
      return amount + "m";
    }
    if (resource.equals(ResourceVector.MEMORY) && amount != 0) {
      if (amount % GI == 0) {
        return amount / GI + "Gi";
      }
      if (amount % MI == 0) {
        return amount / MI + "Mi";
      }
      if (amount % KI == 0) {
        return amount / KI + "Ki";
      }
    }
    return Long.toString(amount);
  }
}
