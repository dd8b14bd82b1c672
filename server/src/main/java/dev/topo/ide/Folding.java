package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.FoldPieces;
import dev.topo.syntax.FoldPieces.Piece;
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
    return of(snapshot.syntax(), snapshot.lines());
  }

  /**
   * The folds of a document's syntax, from its {@link FoldPieces}: found per parsed text, so
   * that a keystroke in a big file reads again only the block it falls in.
   */
  public static List<Fold> of(DocumentSyntax syntax) {
    return of(syntax, LineMap.of(syntax.text()));
  }

  private static List<Fold> of(DocumentSyntax syntax, LineMap lines) {
    String text = syntax.text();
    List<Fold> folds = new ArrayList<>();
    Deque<Piece> open = new ArrayDeque<>();
    Runs runs = new Runs(folds);
    Imports imports = new Imports(lines, folds);
    for (Piece piece : FoldPieces.of(syntax)) {
      switch (piece.kind()) {
        case OPEN -> open.push(piece);
        case CLOSE -> {
          if (!open.isEmpty()) {
            block(text, lines, open.pop().start(), piece.start(), folds);
          }
        }
        case BLOCK -> block(text, lines, piece.start(), piece.end(), folds);
        case LINE_COMMENT -> runs.lineComment(lines.line(piece.start()), opensLine(text, lines, piece.start()));
        case BLOCK_COMMENT -> {
          runs.interrupt();
          int startLine = lines.line(piece.start());
          int endLine = lines.line(piece.end() - 1);
          if (endLine > startLine) {
            folds.add(new Fold(startLine, endLine, Kind.COMMENT));
          }
        }
        case IMPORT, STATEMENT -> imports.statement(piece);
      }
    }
    runs.interrupt();
    imports.end();
    folds.sort(Comparator.comparingInt(Fold::startLine).thenComparing(f -> -f.endLine()));
    return folds.size() > MAX_FOLDS ? List.copyOf(folds.subList(0, MAX_FOLDS)) : folds;
  }

  /**
   * A block from its braces. A closing brace that opens its line stays visible when the block
   * is folded, as editors show it.
   */
  private static void block(String text, LineMap lines, int lbrace, int rbrace, List<Fold> folds) {
    int startLine = lines.line(lbrace);
    int closeLine = lines.line(rbrace);
    int endLine = opensLine(text, lines, rbrace) ? closeLine - 1 : closeLine;
    if (endLine > startLine) {
      folds.add(new Fold(startLine, endLine, Kind.BLOCK));
    }
  }

  /** Whether only white space stands before an offset on its line. */
  private static boolean opensLine(String text, LineMap lines, int offset) {
    for (int i = lines.lineStart(lines.line(offset)); i < offset; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\f' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs of line comments that stand on lines of their own, one line after another. Nothing
   * else can stand between two such lines, so the comments alone tell where a run ends.
   */
  private static final class Runs {
    private final List<Fold> folds;
    private int start = -1;
    private int end = -1;

    Runs(List<Fold> folds) {
      this.folds = folds;
    }

    void lineComment(int line, boolean alone) {
      if (!alone) {
        interrupt();
      } else if (start >= 0 && line == end + 1) {
        end = line;
      } else {
        interrupt();
        start = line;
        end = line;
      }
    }

    void interrupt() {
      closeRun(start, end, folds);
      start = -1;
    }
  }

  /** The imports that open the file, from the first to the end of the last (later ones are misplaced, not part of the run). */
  private static final class Imports {
    private final LineMap lines;
    private final List<Fold> folds;
    private int first = -1;
    private int last = -1;
    private boolean over;

    Imports(LineMap lines, List<Fold> folds) {
      this.lines = lines;
      this.folds = folds;
    }

    void statement(Piece piece) {
      if (over || piece.kind() != FoldPieces.Kind.IMPORT) {
        over = true;
        return;
      }
      if (first < 0) {
        first = piece.start();
      }
      last = piece.end() - 1;
    }

    void end() {
      if (first >= 0 && lines.line(last) > lines.line(first)) {
        folds.add(new Fold(lines.line(first), lines.line(last), Kind.IMPORTS));
      }
    }
  }

  private static void closeRun(int start, int end, List<Fold> folds) {
    if (start >= 0 && end > start) {
      folds.add(new Fold(start, end, Kind.COMMENT));
    }
  }
}
