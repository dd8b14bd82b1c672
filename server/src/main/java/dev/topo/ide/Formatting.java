package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.syntax.Formatter;
import java.util.List;

/**
 * Formatting a document or the statements a range touches: the core's {@link Formatter}
 * (which {@code topo fmt} uses too) on the snapshot's syntax, as one minimal edit. The
 * editor's indentation is the only choice; everything else is the canonical style. A text
 * with a syntax problem gets no edit at all, so formatting can never lose what was typed.
 */
public final class Formatting {
  private Formatting() {}

  /** The edit that formats the whole document: none when it is formatted already or does not parse. */
  public static List<Formatter.Edit> document(Snapshot snapshot, Formatter.Options options, Cancellation cancel) {
    cancel.check();
    return Formatter.formatDocument(snapshot.syntax().tree(), options).stream().toList();
  }

  /** The edit that formats the statements {@code [from, to]} touches (in either order), at the innermost level that holds them. */
  public static List<Formatter.Edit> range(Snapshot snapshot, int from, int to, Formatter.Options options,
      Cancellation cancel) {
    cancel.check();
    return Formatter.formatRange(snapshot.syntax().tree(), from, to, options).stream().toList();
  }
}
