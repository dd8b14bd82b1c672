package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * What folding reads of a text: brace pairs, braces without a partner in their parsed text,
 * comments, and the top-level statements. Found once per parsed text and kept while versions
 * contain it, as colours are ({@link DocumentSyntax#perSegment}): typing in one block of a big
 * file finds them again in that block only, where reading every token of the file per
 * keystroke cost more than the analysis.
 */
public final class FoldPieces {
  private FoldPieces() {}

  public enum Kind {
    /** A brace pair: {@code start} is the {@code {}, {@code end} the {@code }}. */
    BLOCK,
    /** A brace with no partner in its parsed text (the partner may be in another). */
    OPEN,
    CLOSE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** A top-level {@code import}, and any other top-level statement: the imports that open a file fold together. */
    IMPORT,
    STATEMENT
  }

  /** A piece at {@code [start, end)} of the document, but a brace pair's {@code end} is its closing brace. */
  public record Piece(Kind kind, int start, int end) {}

  /** The pieces of a document's text, in order of their start. */
  public static List<Piece> of(DocumentSyntax syntax) {
    return syntax.perSegment(FoldPieces.class, FoldPieces::of, Piece::start,
        (p, shift) -> new Piece(p.kind(), p.start() + shift, p.end() + shift));
  }

  static List<Piece> of(SyntaxTree tree) {
    List<Piece> pieces = new ArrayList<>();
    Deque<Integer> open = new ArrayDeque<>(); // where each brace still open stands in pieces
    for (Token t : tree.tokens()) {
      int start = t.getStartIndex();
      switch (t.getType()) {
        case TopologyLexer.LBRACE -> {
          open.push(pieces.size());
          pieces.add(new Piece(Kind.OPEN, start, start + 1));
        }
        case TopologyLexer.RBRACE -> {
          if (open.isEmpty()) {
            pieces.add(new Piece(Kind.CLOSE, start, start + 1));
          } else {
            int at = open.pop();
            pieces.set(at, new Piece(Kind.BLOCK, pieces.get(at).start(), start));
          }
        }
        case TopologyLexer.LINE_COMMENT -> pieces.add(new Piece(Kind.LINE_COMMENT, start, t.getStopIndex() + 1));
        case TopologyLexer.BLOCK_COMMENT -> pieces.add(new Piece(Kind.BLOCK_COMMENT, start, t.getStopIndex() + 1));
        default -> { }
      }
    }
    ParserRuleContext root = tree.root();
    if (root != null && root.children != null) {
      StatementTree.Builder spans = new StatementTree.Builder(tree, 0);
      for (ParseTree child : root.children) {
        if (child instanceof StatementContext statement && !(statement.SEMI() != null && statement.getChildCount() == 1)) {
          Span span = spans.span(statement);
          boolean anImport = statement.block() == null && statement.getStart().getText().equals("import");
          pieces.add(new Piece(anImport ? Kind.IMPORT : Kind.STATEMENT, span.start(), span.end()));
        }
      }
    }
    pieces.sort(Comparator.comparingInt(Piece::start).thenComparing(Piece::kind));
    return pieces;
  }
}
