package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.BlockContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The statements of one text as a tree of spans, with the braces of each block and the
 * comments: what editing features need to insert, remove or annotate a statement. The model
 * leaves out what it does not keep (misplaced statements, braces, comments), and the rest of
 * the program should not read ANTLR's tree, so this is the concrete syntax in plain data.
 *
 * <p>A statement's span is the one the model and the suppression comments use: from its
 * keyword to its last token, its {@code ;} included.
 */
public final class StatementTree {
  /**
   * One statement.
   *
   * @param keyword its first word ({@code host}, {@code cpu}...)
   * @param block whether it is a block ({@code host x { ... }})
   * @param open the offset of a block's {@code {}, or -1 when it is missing or not a block
   * @param close the offset of a block's closing brace, or -1 when missing or not a block
   * @param body the statements inside a block, in source order
   */
  public record Node(Span span, String keyword, boolean block, int open, int close, List<Node> body) {}

  private final List<Node> top;
  private final List<Span> comments;

  private StatementTree(List<Node> top, List<Span> comments) {
    this.top = top;
    this.comments = comments;
  }

  public static StatementTree of(SyntaxTree tree) {
    return of(DocumentSyntax.of(tree));
  }

  /** The statements of a document's syntax, read segment by segment where they stand. */
  public static StatementTree of(DocumentSyntax syntax) {
    List<Node> top = new ArrayList<>();
    for (DocumentSyntax.Placed placed : syntax.topLevel()) {
      top.addAll(new Builder(placed.tree(), placed.shift()).statements(List.of(placed.statement())));
    }
    List<Span> comments = new ArrayList<>();
    for (Token token : syntax.tokens()) {
      if (token.getType() == TopologyLexer.LINE_COMMENT || token.getType() == TopologyLexer.BLOCK_COMMENT) {
        comments.add(new Span(syntax.uri(), token.getStartIndex(), token.getStopIndex() + 1));
      }
    }
    return new StatementTree(List.copyOf(top), List.copyOf(comments));
  }

  /** The top-level statements. */
  public List<Node> top() {
    return top;
  }

  /** Every comment, in source order. */
  public List<Span> comments() {
    return comments;
  }

  /** The statements that contain the offset, outermost first. */
  public List<Node> path(int offset) {
    List<Node> path = new ArrayList<>();
    List<Node> level = top;
    boolean deeper = true;
    while (deeper) {
      deeper = false;
      for (Node node : level) {
        if (node.span().start() <= offset && offset < node.span().end()) {
          path.add(node);
          level = node.body();
          deeper = true;
          break;
        }
      }
    }
    return path;
  }

  /** The statement whose span starts exactly at an offset, the outermost if several do. */
  public Optional<Node> startingAt(int offset) {
    return path(offset).stream().filter(n -> n.span().start() == offset).findFirst();
  }

  /** Reads the statements of one tree, moved by the offset at which its text stands in the document. */
  static final class Builder {
    private final SyntaxTree tree;
    private final int shift;

    Builder(SyntaxTree tree, int shift) {
      this.tree = tree;
      this.shift = shift;
    }

    List<Node> statements(List<StatementContext> statements) {
      List<Node> nodes = new ArrayList<>();
      for (StatementContext statement : statements) {
        if (statement.SEMI() != null && statement.getChildCount() == 1) {
          continue; // an empty statement: the model does not record it either
        }
        BlockContext block = statement.block();
        Span span = span(statement);
        if (block == null) {
          nodes.add(new Node(span, statement.getStart().getText(), false, -1, -1, List.of()));
        } else {
          nodes.add(new Node(span, block.blockKeyword().getText(), true, offset(block.LBRACE()),
              offset(block.RBRACE()), List.copyOf(statements(block.statement()))));
        }
      }
      return nodes;
    }

    private int offset(TerminalNode brace) {
      return brace != null && ModelBuilder.present(brace.getSymbol()) ? brace.getSymbol().getStartIndex() + shift : -1;
    }

    /** As {@link ModelBuilder#span(ParserRuleContext)}, so that spans agree with the model's. */
    Span span(ParserRuleContext ctx) {
      Token start = ctx.getStart();
      Token stop = ctx.getStop();
      int from = ModelBuilder.present(start) ? start.getStartIndex()
          : Math.min(Math.max(0, start.getStartIndex()), tree.text().length());
      int to = stop != null && ModelBuilder.present(stop) && stop.getStopIndex() + 1 >= from ? stop.getStopIndex() + 1 : from;
      if (ModelBuilder.present(start) && to < start.getStopIndex() + 1) {
        to = start.getStopIndex() + 1;
      }
      return new Span(tree.uri(), from + shift, to + shift);
    }
  }
}
