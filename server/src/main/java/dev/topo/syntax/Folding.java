package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.LineMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The regions of a text an editor can fold, as whole lines: every block, every block
 * comment over several lines, every run of line comments that stand on lines of their own,
 * and the run of imports at the top of a file.
 */
public final class Folding {
  /**
   * At most this many regions are reported (VS Code's own default limit): a hostile file
   * of 100,000 nested braces would otherwise answer with megabytes. The outermost, which
   * start first, are kept.
   */
  public static final int MAX_FOLDS = 5000;

  private Folding() {}

  public enum Kind { BLOCK, COMMENT, IMPORTS }

  /** Lines {@code startLine..endLine} (0-based) fold into {@code startLine}. */
  public record Fold(int startLine, int endLine, Kind kind) {}

  public static List<Fold> of(SyntaxTree tree) {
    return of(DocumentSyntax.of(tree));
  }

  public static List<Fold> of(DocumentSyntax syntax) {
    LineMap lines = LineMap.of(syntax.text());
    List<Fold> folds = new ArrayList<>();
    blocks(syntax.text(), syntax.tokens(), lines, folds);
    comments(syntax.tokens(), lines, folds);
    imports(syntax.topLevel(), lines, folds);
    folds.sort(Comparator.comparingInt(Fold::startLine).thenComparing(f -> -f.endLine()));
    return folds.size() > MAX_FOLDS ? List.copyOf(folds.subList(0, MAX_FOLDS)) : folds;
  }

  /**
   * Matched braces, whatever the parser made of the text around them. A closing brace that
   * opens its line stays visible when the block is folded, as editors show it.
   */
  private static void blocks(String text, List<Token> tokens, LineMap lines, List<Fold> folds) {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      if (t.getType() == TopologyLexer.LBRACE) {
        open.push(t);
      } else if (t.getType() == TopologyLexer.RBRACE && !open.isEmpty()) {
        Token lbrace = open.pop();
        int startLine = lines.line(lbrace.getStartIndex());
        int closeLine = lines.line(t.getStartIndex());
        int endLine = opensLine(text, lines, t.getStartIndex()) ? closeLine - 1 : closeLine;
        if (endLine > startLine) {
          folds.add(new Fold(startLine, endLine, Kind.BLOCK));
        }
      }
    }
  }

  private static boolean opensLine(String text, LineMap lines, int offset) {
    for (int i = lines.lineStart(lines.line(offset)); i < offset; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\f' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private static void comments(List<Token> tokens, LineMap lines, List<Fold> folds) {
    int runStart = -1;
    int runEnd = -1;
    int lastCodeLine = -1;
    for (Token t : tokens) {
      int type = t.getType();
      if (type == TopologyLexer.WS || type == Token.EOF) {
        continue;
      }
      int startLine = lines.line(t.getStartIndex());
      int endLine = lines.line(t.getStopIndex());
      boolean alone = startLine != lastCodeLine;
      if (type == TopologyLexer.LINE_COMMENT && alone) {
        if (runStart >= 0 && startLine == runEnd + 1) {
          runEnd = startLine;
          continue;
        }
        closeRun(runStart, runEnd, folds);
        runStart = startLine;
        runEnd = startLine;
        continue;
      }
      closeRun(runStart, runEnd, folds);
      runStart = -1;
      if (type == TopologyLexer.BLOCK_COMMENT) {
        if (endLine > startLine) {
          folds.add(new Fold(startLine, endLine, Kind.COMMENT));
        }
      }
      lastCodeLine = endLine;
    }
    closeRun(runStart, runEnd, folds);
  }

  private static void closeRun(int start, int end, List<Fold> folds) {
    if (start >= 0 && end > start) {
      folds.add(new Fold(start, end, Kind.COMMENT));
    }
  }

  /** The top-level statements stand in the trees of the document's segments: their offsets are moved by the segment's. */
  private static void imports(List<DocumentSyntax.Placed> statements, LineMap lines, List<Fold> folds) {
    int first = -1;
    int last = -1;
    for (DocumentSyntax.Placed placed : statements) {
      StatementContext s = placed.statement();
      if (Formatter.isLoneSemi(s)) {
        continue;
      }
      if (s.importStmt() != null && ModelBuilder.present(s.getStart())) {
        if (first < 0) {
          first = s.getStart().getStartIndex() + placed.shift();
        }
        Token stop = s.getStop() != null && ModelBuilder.present(s.getStop()) ? s.getStop() : s.getStart();
        last = stop.getStopIndex() + placed.shift();
      } else {
        break; // imports come first; later ones are misplaced and not part of the run
      }
    }
    if (first >= 0 && lines.line(last) > lines.line(first)) {
      folds.add(new Fold(lines.line(first), lines.line(last), Kind.IMPORTS));
    }
  }
}
