package dev.topo.cli;

import dev.topo.check.Rule;
import dev.topo.check.Severity;
import java.util.List;

/**
 * What a check run found, ready to print: findings in output order with their locations
 * resolved, and how many files were checked.
 */
record Report(List<Entry> entries, int filesChecked) {
  record Entry(Rule rule, Severity severity, String message, PrintedSpan location, List<Note> related) {}

  record Note(PrintedSpan location, String message) {}

  long count(Severity severity) {
    return entries.stream().filter(e -> e.severity() == severity).count();
  }

  boolean hasAtLeast(Severity threshold) {
    return entries.stream().anyMatch(e -> e.severity().atLeast(threshold));
  }
}
