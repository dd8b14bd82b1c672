package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.StatementContext;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The steps of "expand selection" at an offset: the word there, the statement it belongs
 * to, each enclosing block out to the top, then the whole file. Each step contains the one
 * before it.
 */
public final class Selection {
  private Selection() {}

  /** A stretch {@code [start, end)} of the text. */
  public record Step(int start, int end) {
    boolean contains(Step other) {
      return start <= other.start && other.end <= end;
    }
  }

  /** The steps at an offset, innermost first; the last is always the whole text. */
  public static List<Step> at(SyntaxTree tree, int offset) {
    return at(DocumentSyntax.of(tree), offset);
  }

  /** As {@link #at(SyntaxTree, int)}, reading the document's segments where they stand. */
  public static List<Step> at(DocumentSyntax syntax, int offset) {
    String text = syntax.text();
    int at = Math.max(0, Math.min(offset, text.length()));
    List<Step> inner = new ArrayList<>();
    Step word = word(syntax.tokens(), at);
    if (word != null) {
      inner.add(word);
    }
    List<Step> statements = new ArrayList<>();
    // A statement's offsets are its segment's tree's, moved by the segment's shift, as are those inside it.
    List<DocumentSyntax.Placed> level = syntax.topLevel();
    boolean deeper = true;
    while (deeper) {
      deeper = false;
      for (DocumentSyntax.Placed placed : level) {
        StatementContext s = placed.statement();
        Step span = span(s, placed.shift());
        if (span != null && span.start <= at && at <= span.end && !Formatter.isLoneSemi(s)) {
          statements.add(0, span);
          if (s.block() != null) {
            level = s.block().statement().stream()
                .map(inside -> new DocumentSyntax.Placed(inside, placed.tree(), placed.shift())).toList();
            deeper = true;
          }
          break;
        }
      }
    }
    inner.addAll(statements);
    inner.add(new Step(0, text.length()));
    // Keep only steps that grow: each must contain the one before it.
    List<Step> steps = new ArrayList<>();
    for (int i = inner.size() - 1; i >= 0; i--) {
      Step s = inner.get(i);
      if (steps.isEmpty() || steps.get(0).contains(s) && !steps.get(0).equals(s)) {
        steps.add(0, s);
      }
    }
    return steps;
  }

  /** The token under the offset, or the one just before it (a cursor after a word); never white space. */
  private static Step word(List<Token> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).getStartIndex() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // tokens[hi] is the last token that starts at or before the offset; the one before it may end there.
    Step found = null;
    for (int i = hi; i >= Math.max(0, hi - 1); i--) {
      Token t = tokens.get(i);
      int end = t.getStopIndex() + 1;
      if (t.getType() != Token.EOF && t.getType() != TopologyLexer.WS && end > t.getStartIndex()
          && t.getStartIndex() <= offset && offset <= end) {
        // Between "a" and "," of "a,", the word is the better first step.
        if (found == null || isPunctuation(tokens.get(hi).getType()) && !isPunctuation(t.getType())) {
          found = new Step(t.getStartIndex(), end);
        }
      }
    }
    return found;
  }

  private static boolean isPunctuation(int type) {
    return type == TopologyLexer.LBRACE || type == TopologyLexer.RBRACE || type == TopologyLexer.COMMA
        || type == TopologyLexer.SEMI;
  }

  private static Step span(StatementContext s, int shift) {
    Token start = s.getStart();
    Token stop = s.getStop();
    if (!ModelBuilder.present(start)) {
      return null;
    }
    int end = stop != null && ModelBuilder.present(stop) ? stop.getStopIndex() + 1 : start.getStopIndex() + 1;
    return new Step(start.getStartIndex() + shift, Math.max(end, start.getStopIndex() + 1) + shift);
  }
}
