package dev.tugboat.runner.command;

import dev.tugboat.runner.Printer;
import java.util.List;
import java.util.SortedMap;

/**
 * The {@code --details} part of {@code backup describe} and {@code restore describe}: the items by
 * type and the error and warning messages, laid out as Velero's describe does. Each part is printed
 * from its content or, when its file could not be read, from the reason.
 */
final class DescribeDetails {

  private static final String NONE = "<none>";

  private DescribeDetails() {}

  /**
   * @param subject what was described, for the error line: {@code backup} or {@code restore}
   * @param resourceList the items by {@code <apiVersion>/<Kind>}; null when {@code error} is set
   * @param error why the resource list could not be read; null when it could
   */
  static void printResourceList(
      Printer printer, String subject, SortedMap<String, List<String>> resourceList, String error) {
    printer.line("");
    if (error != null) {
      printer.line("Resource List:  <error getting %s resource list: %s>", subject, error);
      return;
    }
    printer.line("Resource List:");
    resourceList.forEach(
        (type, items) -> {
          printer.line("  %s:", type);
          items.forEach(item -> printer.line("    - %s", item));
        });
  }

  /**
   * @param subject what was described, for the error line: {@code backup} or {@code restore}
   * @param results the errors and warnings; null when {@code error} is set
   * @param error why the results could not be read; null when they could
   */
  static void printResults(Printer printer, String subject, BackupResults results, String error) {
    printer.line("");
    if (error != null) {
      printer.line("Errors and warnings:  <error getting %s results: %s>", subject, error);
      return;
    }
    printMessages(printer, "Errors", results.errors());
    printer.line("");
    printMessages(printer, "Warnings", results.warnings());
  }

  private static void printMessages(
      Printer printer, String title, BackupResults.Messages messages) {
    printer.line("%s:", title);
    printMessageList(printer, "  Velero:", messages.velero());
    printMessageList(printer, "  Cluster:", messages.cluster());
    if (messages.namespaces().isEmpty()) {
      printer.line("  Namespaces:  %s", NONE);
      return;
    }
    printer.line("  Namespaces:");
    messages
        .namespaces()
        .forEach(
            (namespace, list) -> {
              printer.line("    %s:", namespace);
              list.forEach(message -> printer.line("      - %s", message));
            });
  }

  private static void printMessageList(Printer printer, String label, List<String> messages) {
    if (messages.isEmpty()) {
      printer.line("%s  %s", label, NONE);
      return;
    }
    printer.line(label);
    messages.forEach(message -> printer.line("    - %s", message));
  }
}
