package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Keyword;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.Lexeme;
import dev.topo.syntax.StatementTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

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

  /** The folds of a snapshot's document, read from its syntax: nothing is parsed again. */
  public static List<Fold> of(Parsed snapshot, Cancellation cancel) {
    cancel.check();
    return of(snapshot.syntax());
  }

  /** The folds of a document's syntax, from its tokens and its statements. */
  public static List<Fold> of(DocumentSyntax syntax) {
    LineMap lines = LineMap.of(syntax.text());
    List<Lexeme> tokens = Lexeme.of(syntax);
    List<Fold> folds = new ArrayList<>();
    blocks(syntax.text(), tokens, lines, folds);
    comments(tokens, lines, folds);
    imports(syntax.statements(), lines, folds);
    folds.sort(Comparator.comparingInt(Fold::startLine).thenComparing(f -> -f.endLine()));
    return folds.size() > MAX_FOLDS ? List.copyOf(folds.subList(0, MAX_FOLDS)) : folds;
  }

  /**
   * Matched braces, whatever the parser made of the text around them. A closing brace that
   * opens its line stays visible when the block is folded, as editors show it.
   */
  private static void blocks(String text, List<Lexeme> tokens, LineMap lines, List<Fold> folds) {
    Deque<Lexeme> open = new ArrayDeque<>();
    for (Lexeme t : tokens) {
      if (t.kind() == Lexeme.Kind.LBRACE) {
        open.push(t);
      } else if (t.kind() == Lexeme.Kind.RBRACE && !open.isEmpty()) {
        Lexeme lbrace = open.pop();
        int startLine = lines.line(lbrace.start());
        int closeLine = lines.line(t.start());
        int endLine = opensLine(text, lines, t.start()) ? closeLine - 1 : closeLine;
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

  private static void comments(List<Lexeme> tokens, LineMap lines, List<Fold> folds) {
    int runStart = -1;
    int runEnd = -1;
    int lastCodeLine = -1;
    for (Lexeme t : tokens) {
      if (t.kind() == Lexeme.Kind.WHITE_SPACE || t.kind() == Lexeme.Kind.END) {
        continue;
      }
      int startLine = lines.line(t.start());
      int endLine = lines.line(t.end() - 1);
      boolean alone = startLine != lastCodeLine;
      if (t.kind() == Lexeme.Kind.LINE_COMMENT && alone) {
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
      if (t.kind() == Lexeme.Kind.BLOCK_COMMENT && endLine > startLine) {
        folds.add(new Fold(startLine, endLine, Kind.COMMENT));
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

  /** The imports that open the file, from the first to the end of the last (later ones are misplaced, not part of the run). */
  private static void imports(StatementTree statements, LineMap lines, List<Fold> folds) {
    int first = -1;
    int last = -1;
    for (StatementTree.Node statement : statements.top()) {
      if (statement.block() || !statement.keyword().equals(Keyword.IMPORT.word())) {
        break;
      }
      if (first < 0) {
        first = statement.span().start();
      }
      last = statement.span().end() - 1;
    }
    if (first >= 0 && lines.line(last) > lines.line(first)) {
      folds.add(new Fold(lines.line(first), lines.line(last), Kind.IMPORTS));
    }
  }
}
