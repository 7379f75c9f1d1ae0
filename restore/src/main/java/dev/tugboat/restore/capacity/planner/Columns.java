package dev.tugboat.restore.capacity.planner;

import java.util.List;

/**
 * A plain-text table: every column as wide as its widest cell, two spaces between columns, the last
 * column not padded (so no line ends in spaces).
 */
final class Columns {

  private Columns() {}

  static String format(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = header.get(column).length();
      for (List<String> row : rows) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, header, widths);
    rows.forEach(row -> line(text, row, widths));
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    for (int column = 0; column < cells.size(); column++) {
      boolean last = column == cells.size() - 1;
      text.append(
          last
              ? cells.get(column)
              : String.format("%-" + widths[column] + "s  ", cells.get(column)));
    }
    text.append('\n');
  }
}
