package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.FileContext;
import dev.topo.model.Problem;
import dev.topo.syntax.DocumentSyntax.Segment;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ErrorNodeImpl;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.tree.TerminalNodeImpl;

/**
 * Joins the segments of a {@link DocumentSyntax} into one tree of the whole text: each
 * segment's tokens and top-level statements are copied with their offsets moved to where the
 * segment stands, their token indices renumbered, and their text read from the new text.
 * Everything is copied, nothing shared with the trees joined, so that no version keeps an
 * older one alive. No character is lexed and no token parsed, but the copies cost about
 * what a parse does (allocating tokens and nodes is most of a parse), so only what needs one
 * whole tree (the formatter) asks for it.
 */
final class SegmentJoin {
  private final URI uri;
  private final String text;
  private final CharStream chars;
  private final List<Token> tokens = new ArrayList<>();
  private final FileContext root = new FileContext(null, -1);
  private final List<Problem> problems = new ArrayList<>();
  private final CommonToken eof;

  private SegmentJoin(URI uri, String text) {
    this.uri = uri;
    this.text = text;
    this.chars = TopologySyntax.chars(uri, text);
    this.eof = new CommonToken(new Pair<>(null, chars), Token.EOF, Token.DEFAULT_CHANNEL, text.length(), text.length() - 1);
  }

  static SyntaxTree join(URI uri, String text, List<Segment> segments) {
    if (segments.size() == 1 && segments.get(0).shift() == 0 && segments.get(0).tree().text().equals(text)) {
      return segments.get(0).tree();
    }
    SegmentJoin join = new SegmentJoin(uri, text);
    for (int i = 0; i < segments.size(); i++) {
      join.add(segments.get(i), i == segments.size() - 1);
    }
    return join.finish();
  }

  private void add(Segment segment, boolean last) {
    SyntaxTree tree = segment.tree();
    List<Token> own = tree.tokens();
    int first = DocumentSyntax.firstAtOrAfter(own, Token::getStartIndex, segment.from());
    int end = PlacedTokens.endBefore(own, first, segment.to());
    Pair<TokenSource, CharStream> source = new Pair<>(own.isEmpty() ? null : own.get(0).getTokenSource(), chars);
    for (Token t : own.subList(first, end)) {
      CommonToken copy = new CommonToken(source, t.getType(), t.getChannel(),
          t.getStartIndex() + segment.shift(), t.getStopIndex() + segment.shift());
      copy.setTokenIndex(tokens.size());
      tokens.add(copy);
    }
    TokenMap map = new TokenMap(own, first, end, tokens.size() - (end - first));
    for (ParseTree child : segment.children()) {
      root.addAnyChild(copy(child, map));
    }
    Shift shift = new Shift(segment.shift());
    for (Problem p : tree.problems()) {
      int at = p.span().start();
      if (at >= segment.from() && (at < segment.to() || last)) {
        problems.add(shift.problem(p));
      }
    }
  }

  private SyntaxTree finish() {
    eof.setTokenIndex(tokens.size());
    tokens.add(eof);
    TerminalNodeImpl end = new TerminalNodeImpl(eof);
    root.addAnyChild(end);
    end.setParent(root);
    root.start = tokens.stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).findFirst().orElse(eof);
    root.stop = eof;
    return new SyntaxTree(uri, text, root, List.copyOf(tokens), List.copyOf(problems));
  }

  /**
   * The copies of a segment's tokens by the originals' indices, its end of file as the new
   * one; tokens not in the stream (conjured by error recovery, without offsets) stay as they are.
   */
  private final class TokenMap {
    private final List<Token> own;
    private final int first;
    private final int end;
    private final int copiedFrom;

    TokenMap(List<Token> own, int first, int end, int copiedFrom) {
      this.own = own;
      this.first = first;
      this.end = end;
      this.copiedFrom = copiedFrom;
    }

    Token get(Token original) {
      if (original == null) {
        return null;
      }
      int index = original.getTokenIndex();
      if (index >= first && index < end && own.get(index) == original) {
        return tokens.get(copiedFrom + index - first);
      }
      return original.getType() == Token.EOF && index >= 0 ? eof : original;
    }
  }

  /** A deep copy of a subtree, without recursion (error recovery can make trees deep). */
  private ParseTree copy(ParseTree top, TokenMap map) {
    Deque<ParseTree> originals = new ArrayDeque<>();
    Deque<ParserRuleContext> parents = new ArrayDeque<>();
    originals.push(top);
    parents.push(root);
    ParseTree result = null;
    while (!originals.isEmpty()) {
      ParseTree original = originals.pop();
      ParserRuleContext parent = parents.pop();
      ParseTree copy;
      if (original instanceof ErrorNode e) {
        ErrorNodeImpl node = new ErrorNodeImpl(map.get(e.getSymbol()));
        node.setParent(parent);
        copy = node;
      } else if (original instanceof TerminalNode t) {
        TerminalNodeImpl node = new TerminalNodeImpl(map.get(t.getSymbol()));
        node.setParent(parent);
        copy = node;
      } else {
        ParserRuleContext ctx = (ParserRuleContext) original;
        ParserRuleContext node = Contexts.create(ctx.getRuleIndex(), parent, ctx.invokingState);
        node.start = map.get(ctx.start);
        node.stop = map.get(ctx.stop);
        node.exception = ctx.exception;
        for (int i = ctx.getChildCount() - 1; i >= 0; i--) {
          originals.push(ctx.getChild(i));
          parents.push(node);
        }
        copy = node;
      }
      if (result == null) {
        result = copy; // the caller adds the top to the root
      } else {
        parent.addAnyChild(copy);
      }
    }
    return result;
  }
}
