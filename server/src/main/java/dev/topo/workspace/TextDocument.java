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
    // Joined into one array of the exact size, as concatenation compiled to invokedynamic did:
    // the server is compiled with inline concatenation, whose builder would grow from 16
    // characters, copying the document at each doubling and again at the end.
    String edited = String.join("", text.substring(0, start), replacement, text.substring(end));
    return new TextDocument(uri, version, edited, lines.edited(edited, start, end, start + replacement.length()));
  }
}
