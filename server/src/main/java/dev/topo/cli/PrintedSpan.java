package dev.topo.cli;

import dev.topo.model.LineMap;
import dev.topo.model.Span;

/** A span as reports print it: a display path and 1-based lines and UTF-16 columns. */
record PrintedSpan(String path, int line, int column, int endLine, int endColumn) {
  static PrintedSpan of(String path, LineMap lines, Span span) {
    return new PrintedSpan(path, lines.line(span.start()) + 1, lines.column(span.start()) + 1,
        lines.line(span.end()) + 1, lines.column(span.end()) + 1);
  }
}
