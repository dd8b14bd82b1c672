package dev.topo.check.edit;

import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.model.Span;
import dev.topo.syntax.StatementTree;
import dev.topo.syntax.StatementTree.Node;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Edits one file in its own style, knowing how it is laid out (its lines, its indentation,
 * its statements): a new statement goes on a line of its own with the indentation of its
 * neighbours when the block is written one statement per line, and after a {@code ;} when
 * the block is written on one line. Edits only ever add text or remove whole statements
 * with the white space around them, so no comment is lost. Made once per file and request
 * (see {@code FixContext}), since it parses the file again to find the statements.
 */
public final class StatementEditor {
  private static final String DEFAULT_UNIT = "  ";

  private final URI uri;
  private final String text;
  private final LineMap lines;
  private final StatementTree statements;
  private final String newline;
  private final String unit;

  private StatementEditor(FileModel file, StatementTree statements) {
    this.uri = file.uri();
    this.text = file.text();
    this.lines = file.lines();
    this.statements = statements;
    this.newline = detectNewline(text);
    this.unit = detectUnit();
  }

  /** An editor of a file whose statements are already known (from the snapshot's syntax). */
  public static StatementEditor of(FileModel file, StatementTree statements) {
    return new StatementEditor(file, statements);
  }

  public URI uri() {
    return uri;
  }

  public String text() {
    return text;
  }

  public StatementTree statements() {
    return statements;
  }

  public String newline() {
    return newline;
  }

  /** One level of indentation as this file writes it (two spaces when it does not say). */
  public String unit() {
    return unit;
  }

  public String textOf(Span span) {
    return text.substring(span.start(), span.end());
  }

  /** The block statement that starts at an entity's first offset. */
  public Optional<Node> block(Span entity) {
    return statements.startingAt(entity.start()).filter(Node::block);
  }

  // ---- lines ----

  public int lineStart(int offset) {
    return lines.lineStart(lines.line(offset));
  }

  /** Where the line of an offset ends, before its line break. */
  public int lineEnd(int offset) {
    int i = offset;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Where the line after the offset's starts (the end of the text on the last line). */
  public int nextLineStart(int offset) {
    int end = lineEnd(offset);
    if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
      return end + 2;
    }
    return end < text.length() ? end + 1 : end;
  }

  /** The white space that opens the line of an offset. */
  public String indent(int offset) {
    int start = lineStart(offset);
    int i = start;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return text.substring(start, i);
  }

  /** Whether only white space stands before the offset on its line. */
  public boolean startsLine(int offset) {
    for (int i = lineStart(offset); i < offset; i++) {
      if (!isBlank(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether only white space, or white space and a line comment, follows the offset on its line. */
  public boolean endsLine(int offset) {
    int i = skipBlanks(offset);
    return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.startsWith("//", i);
  }

  /** Whether nothing but white space follows the offset on its line. */
  private boolean onlyBlanksAfter(int offset) {
    int i = skipBlanks(offset);
    return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r';
  }

  public int skipBlanks(int offset) {
    int i = offset;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int skipBlanksBack(int offset) {
    int i = offset;
    while (i > 0 && isBlank(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\uFEFF';
  }

  /** The indentation of the statements directly inside a block. */
  private String bodyIndent(Node block) {
    for (Node child : block.body()) {
      if (startsLine(child.span().start())) {
        return indent(child.span().start());
      }
    }
    return indent(block.span().start()) + unit;
  }

  // ---- edits ----

  /**
   * Adds statements to a block after its properties, before its first nested block: on
   * lines of their own where the block is written a statement per line, else after a
   * {@code ;} on the same line. Empty when the block has no opening brace.
   */
  public Optional<SourceEdit> addProperties(Node block, List<String> added) {
    Node anchor = null;
    for (Node child : block.body()) {
      if (child.block()) {
        break;
      }
      anchor = child;
    }
    if (anchor != null) {
      int end = anchor.span().end();
      if (startsLine(anchor.span().start()) && endsLine(end)) {
        StringBuilder insert = new StringBuilder();
        for (String statement : added) {
          insert.append(newline).append(indent(anchor.span().start())).append(statement);
        }
        return Optional.of(SourceEdit.insert(uri, lineEnd(end), insert.toString()));
      }
      String joined = String.join("; ", added);
      return Optional.of(SourceEdit.insert(uri, end, textOf(anchor.span()).endsWith(";") ? " " + joined + ";" : "; " + joined));
    }
    if (block.open() < 0) {
      return Optional.empty();
    }
    int afterOpen = block.open() + 1;
    if (endsLine(afterOpen)) {
      StringBuilder insert = new StringBuilder();
      for (String statement : added) {
        insert.append(newline).append(bodyIndent(block)).append(statement);
      }
      return Optional.of(SourceEdit.insert(uri, lineEnd(afterOpen), insert.toString()));
    }
    int next = skipBlanks(afterOpen);
    String joined = String.join("; ", added);
    if (next == block.close()) {
      return Optional.of(new SourceEdit(new Span(uri, afterOpen, next), " " + joined + " "));
    }
    return Optional.of(SourceEdit.insert(uri, afterOpen, " " + joined + ";"));
  }

  /**
   * Adds a (possibly multi-line) statement at the end of a block, a blank line before it
   * when the block has statements already. The statement's lines are made for the
   * indentation of the block's body. Empty when the block has no closing brace.
   */
  public Optional<SourceEdit> addAtEnd(Node block, Function<String, List<String>> linesIndentedBy) {
    if (block.close() < 0) {
      return Optional.empty();
    }
    String statement = String.join(newline, linesIndentedBy.apply(bodyIndent(block)));
    String gap = block.body().isEmpty() ? "" : newline;
    if (startsLine(block.close())) {
      int at = lineStart(block.close());
      return Optional.of(SourceEdit.insert(uri, at, gap + statement + newline));
    }
    int from = skipBlanksBack(block.close());
    return Optional.of(new SourceEdit(new Span(uri, from, block.close()),
        newline + gap + statement + newline + indent(block.span().start())));
  }

  /**
   * Removes a statement: its whole line when it stands alone there, else the statement and
   * the white space that separates it from the rest of the line. Comments inside it
   * ({@code cpu // why⏎ 0.5}) are not the statement's to take: they stay, each on a line of
   * its own, where the statement's line began.
   */
  public SourceEdit remove(Span statement) {
    SourceEdit removal = removeWhole(statement);
    List<String> inside = statements.comments().stream()
        .filter(c -> statement.start() <= c.start() && c.end() <= statement.end()).map(this::textOf).toList();
    if (inside.isEmpty()) {
      return removal;
    }
    String indent = indent(statement.start());
    String kept = indent + String.join(newline + indent, inside);
    Span gone = removal.span();
    int lineStart = lineStart(statement.start());
    if (gone.start() < lineStart) { // the last line, which took the line break before it
      return new SourceEdit(gone, newline + kept);
    }
    // From the start of the statement's line: the comments, then what stood before the statement on it.
    return new SourceEdit(new Span(uri, lineStart, gone.end()),
        kept + newline + text.substring(lineStart, gone.start()));
  }

  /** Removes a statement with everything inside it, comments too: for a block whose text moves elsewhere. */
  public SourceEdit removeWhole(Span statement) {
    if (startsLine(statement.start()) && onlyBlanksAfter(statement.end())) {
      int start = lineStart(statement.start());
      int end = nextLineStart(statement.end());
      if (end == text.length() && end == lineEnd(statement.end()) && start > 0) {
        // The last line has no line break of its own: take the one before it instead.
        start = lineEnd(start - 1) == start - 1 ? start - 1 : start;
        if (start > 0 && text.charAt(start) == '\n' && text.charAt(start - 1) == '\r') {
          start--;
        }
      }
      return SourceEdit.delete(new Span(uri, start, end));
    }
    int after = skipBlanks(statement.end());
    if (after < text.length() && text.charAt(after) != '\n' && text.charAt(after) != '\r') {
      return SourceEdit.delete(new Span(uri, statement.start(), after));
    }
    return SourceEdit.delete(new Span(uri, skipBlanksBack(statement.start()), statement.end()));
  }

  private static String detectNewline(String text) {
    int i = text.indexOf('\n');
    int r = text.indexOf('\r');
    if (r >= 0 && (i < 0 || r < i)) {
      return r + 1 < text.length() && text.charAt(r + 1) == '\n' ? "\r\n" : "\r";
    }
    return "\n";
  }

  /** The first step of indentation between a block's line and the line of its first statement. */
  private String detectUnit() {
    List<Node> pending = new ArrayList<>(statements.top());
    while (!pending.isEmpty()) {
      Node node = pending.remove(0);
      if (node.block() && !node.body().isEmpty() && node.open() >= 0 && startsLine(node.span().start())) {
        Node first = node.body().get(0);
        int firstStart = first.span().start();
        if (lines.line(firstStart) != lines.line(node.open()) && startsLine(firstStart)) {
          String outer = indent(node.span().start());
          String inner = indent(firstStart);
          if (inner.length() > outer.length() && inner.startsWith(outer)) {
            return inner.substring(outer.length());
          }
        }
      }
      pending.addAll(node.body());
    }
    return DEFAULT_UNIT;
  }
}
