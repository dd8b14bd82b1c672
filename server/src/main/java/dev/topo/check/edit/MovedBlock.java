package dev.topo.check.edit;

import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A block statement taken out of where it stands, to be written again elsewhere, deeper or
 * shallower (a module into a new container, a container into a new VM): the edit that takes
 * it away, and its lines, which keep their indentation relative to its first line.
 */
public final class MovedBlock {
  /**
   * A line of new text: its depth in indentation units below where the text is put, or its
   * exact text when it is inside a block comment.
   */
  public record Line(int depth, String text, boolean verbatim) {
    public Line deeper(int levels) {
      return new Line(depth + levels, text, verbatim);
    }
  }

  private final String text;
  private final String indent;
  private final SourceEdit removal;
  /** Which of its lines start inside a block comment: those keep their white space, which belongs to the comment. */
  private final Set<Integer> inComment;

  private MovedBlock(String text, String indent, SourceEdit removal, Set<Integer> inComment) {
    this.text = text;
    this.indent = indent;
    this.removal = removal;
    this.inComment = inComment;
  }

  /**
   * The block at a span: its whole lines with the comment lines glued above it that speak of
   * it, when it stands on lines of its own; else just its text.
   */
  public static MovedBlock of(StatementEditor editor, Span block) {
    String text = editor.text();
    if (!editor.startsLine(block.start()) || !editor.endsLine(block.end())) {
      return new MovedBlock(editor.textOf(block), "", editor.removeWhole(block), Set.of());
    }
    int start = editor.lineStart(block.start());
    while (start > 0) {
      int previous = editor.lineStart(start - 1);
      int first = editor.skipBlanks(previous);
      if (!text.startsWith("//", first) || previous == start) {
        break;
      }
      start = previous;
    }
    int end = editor.nextLineStart(block.end());
    String lines = text.substring(start, editor.lineEnd(block.end()));
    // Keep one blank line, not two, where the block stood between blank lines.
    int before = start > 0 ? editor.lineStart(start - 1) : -1;
    boolean blankBefore = before >= 0 && before < start && blankLine(editor, before);
    boolean blankAfter = end < text.length() && blankLine(editor, end);
    if (blankBefore && blankAfter) {
      end = editor.nextLineStart(end);
    }
    Set<Integer> inComment = new HashSet<>();
    int line = 0;
    for (int at = start; at < block.end(); at = editor.nextLineStart(at), line++) {
      for (Span comment : editor.statements().comments()) {
        if (comment.start() < at && at < comment.end()) {
          inComment.add(line);
        }
      }
      if (editor.nextLineStart(at) == at) {
        break;
      }
    }
    return new MovedBlock(lines.replace("\r\n", "\n").replace('\r', '\n'), editor.indent(block.start()),
        SourceEdit.delete(new Span(editor.uri(), start, end)), inComment);
  }

  /** The edit that takes the block (and its comment lines) away. */
  public SourceEdit removal() {
    return removal;
  }

  /** Its lines, to be written at a depth below where the new text goes. */
  public List<Line> lines(int depth) {
    List<Line> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (inComment.contains(i)) {
        out.add(new Line(0, line, true));
      } else {
        out.add(new Line(depth, line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading(), false));
      }
    }
    return out;
  }

  /** New text's lines, indented from a base by a file's own unit. */
  public static List<String> render(List<Line> lines, String base, String unit) {
    List<String> out = new ArrayList<>();
    for (Line line : lines) {
      out.add(line.verbatim() ? line.text() : line.text().isBlank() ? "" : base + unit.repeat(line.depth()) + line.text());
    }
    return out;
  }

  private static boolean blankLine(StatementEditor editor, int lineStart) {
    int i = editor.skipBlanks(lineStart);
    return i >= editor.text().length() || editor.text().charAt(i) == '\n' || editor.text().charAt(i) == '\r';
  }
}
