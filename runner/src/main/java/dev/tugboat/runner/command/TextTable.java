package dev.tugboat.runner.command;

import dev.tugboat.runner.Printer;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned to their widest cell, three spaces apart, as {@code kubectl get} prints them. The
 * last column is not padded, so lines carry no trailing spaces.
 */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(header);
  }

  /** Adds a row; it must have as many cells as the header. */
  void add(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException(
          "a row needs " + rows.get(0).length + " cells, not " + cells.length);
    }
    rows.add(cells);
  }

  void print(Printer printer) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns - 1; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 3));
      }
      printer.line(line.append(row[columns - 1]).toString());
    }
  }
}
