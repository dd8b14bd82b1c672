package dev.topo.workspace;

import dev.topo.model.LineMap;
import java.net.URI;

/** An open document: its text at a version, as the editor has it. Immutable. */
public record TextDocument(URI uri, int version, String text, LineMap lines) {
  public TextDocument(URI uri, int version, String text) {
    this(uri, version, text, LineMap.of(text));
  }

  /**
   * The text after replacing a range given in 0-based lines and UTF-16 columns (positions
   * past a line's end or the text's end are clamped, as the LSP asks), at a new version.
   */
  public TextDocument edit(int version, int startLine, int startColumn, int endLine, int endColumn, String replacement) {
    int start = lines.offset(startLine, startColumn);
    int end = Math.max(start, lines.offset(endLine, endColumn));
    // Sized once: the server is compiled with inline string concatenation, which would grow a
    // builder from 16 characters, copying the document again at each doubling.
    String edited = new StringBuilder(text.length() - (end - start) + replacement.length())
        .append(text, 0, start).append(replacement).append(text, end, text.length()).toString();
    return new TextDocument(uri, version, edited, lines.edited(edited, start, end, start + replacement.length()));
  }
}
