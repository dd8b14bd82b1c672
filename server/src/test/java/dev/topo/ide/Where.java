package dev.topo.ide;

import dev.topo.model.LineMap;
import dev.topo.model.Span;
import dev.topo.workspace.MemorySources;

/**
 * Places as a test reads them: {@code "lib.topo 2:5-8"} is the file (relative to the root of
 * {@link Marked}'s documents), the 0-based line and the columns of the start and end; a span
 * over several lines reads {@code "main.topo 0:0-2:1"}.
 */
final class Where {
  private Where() {}

  static String of(Place place) {
    return of(place.span(), place.lines());
  }

  /** A span of any file of the snapshot's program. */
  static String of(Snapshot snapshot, Span span) {
    return of(span, snapshot.lines(span.source()));
  }

  static String of(Span span, LineMap lines) {
    int line = lines.line(span.start());
    int endLine = lines.line(span.end());
    String end = (endLine == line ? "" : endLine + ":") + lines.column(span.end());
    return MemorySources.ROOT.relativize(span.source()) + " " + line + ":" + lines.column(span.start()) + "-" + end;
  }
}
