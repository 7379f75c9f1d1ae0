package dev.tugboat.restore.migrate.hooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a hook's output: enough to say why it failed, bounded however much it writes.
 * Written by the thread reading a process's output and read by the one waiting for it.
 */
final class OutputTail {

  static final int MAX_LINES = 50;

  private final Deque<String> lines = new ArrayDeque<>();

  synchronized void add(String line) {
    if (lines.size() == MAX_LINES) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
