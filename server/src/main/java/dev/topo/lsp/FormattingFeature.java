package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Formatting;
import dev.topo.ide.Snapshot;
import dev.topo.model.Span;
import dev.topo.syntax.Formatter;
import java.util.List;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code textDocument/formatting} and {@code /rangeFormatting}: the editor layer's
 * {@link Formatting} in the protocol's edits. The editor's {@code tabSize} and
 * {@code insertSpaces} choose the indentation.
 */
final class FormattingFeature {
  private FormattingFeature() {}

  static List<TextEdit> document(Snapshot snapshot, FormattingOptions options, Cancellation cancel) {
    return edits(snapshot, Formatting.document(snapshot, options(options), cancel));
  }

  static List<TextEdit> range(Snapshot snapshot, Range range, FormattingOptions options, Cancellation cancel) {
    if (range == null) {
      return document(snapshot, options, cancel);
    }
    int from = Positions.offset(snapshot.lines(), range.getStart());
    int to = Positions.offset(snapshot.lines(), range.getEnd());
    return edits(snapshot, Formatting.range(snapshot, from, to, options(options), cancel));
  }

  static Formatter.Options options(FormattingOptions options) {
    if (options == null) {
      return Formatter.Options.DEFAULT;
    }
    // Both are required by the protocol; a client that omits them gets the canonical two spaces.
    Number tabSize = options.getNumber("tabSize");
    Boolean insertSpaces = options.getBoolean("insertSpaces");
    return Formatter.Options.of(tabSize == null || tabSize.intValue() < 1 ? 2 : tabSize.intValue(),
        insertSpaces == null || insertSpaces);
  }

  private static List<TextEdit> edits(Snapshot snapshot, List<Formatter.Edit> edits) {
    return edits.stream().map(e -> wholeLineEnds(snapshot.document().text(), e)).map(e -> new TextEdit(
        Positions.range(snapshot.lines(), new Span(snapshot.document().uri(), e.start(), e.end())), e.text()))
        .toList();
  }

  /**
   * The same edit without an end between the "\r" and "\n" of a line end (a minimal edit of a
   * text whose line ends are mixed has one): no LSP position points there, and a client
   * clamps such a position to the end of the line's text, which would lose the change.
   */
  static Formatter.Edit wholeLineEnds(String text, Formatter.Edit edit) {
    int start = edit.start();
    int end = edit.end();
    String replacement = edit.text();
    if (splitsLineEnd(text, start)) {
      start--;
      replacement = "\r" + replacement;
    }
    if (splitsLineEnd(text, end)) {
      end++;
      replacement = replacement + "\n";
    }
    return new Formatter.Edit(start, end, replacement);
  }

  private static boolean splitsLineEnd(String text, int offset) {
    return offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n';
  }
}
