package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Span;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.Lexeme;
import dev.topo.syntax.StatementTree;
import java.util.ArrayList;
import java.util.List;

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

  /** The steps at an offset of a snapshot's document (clamped to it), innermost first; the last is always the whole text. */
  public static List<Step> at(Parsed snapshot, int offset, Cancellation cancel) {
    cancel.check();
    return at(snapshot.syntax(), offset);
  }

  /** The steps at an offset of a document's syntax, from its tokens and its statements. */
  public static List<Step> at(DocumentSyntax syntax, int offset) {
    String text = syntax.text();
    int at = Math.max(0, Math.min(offset, text.length()));
    List<Step> inner = new ArrayList<>();
    Step word = word(Lexeme.of(syntax), at);
    if (word != null) {
      inner.add(word);
    }
    List<Step> statements = new ArrayList<>();
    List<StatementTree.Node> level = syntax.statements().top();
    boolean deeper = true;
    while (deeper) {
      deeper = false;
      for (StatementTree.Node statement : level) {
        Span span = statement.span();
        if (span.start() <= at && at <= span.end()) {
          statements.add(0, new Step(span.start(), span.end()));
          level = statement.body();
          deeper = statement.block();
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
  private static Step word(List<Lexeme> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // tokens[hi] is the last token that starts at or before the offset; the one before it may end there.
    Step found = null;
    for (int i = hi; i >= Math.max(0, hi - 1); i--) {
      Lexeme t = tokens.get(i);
      if (t.kind() != Lexeme.Kind.END && t.kind() != Lexeme.Kind.WHITE_SPACE && t.end() > t.start()
          && t.start() <= offset && offset <= t.end()) {
        // Between "a" and "," of "a,", the word is the better first step.
        if (found == null || isPunctuation(tokens.get(hi)) && !isPunctuation(t)) {
          found = new Step(t.start(), t.end());
        }
      }
    }
    return found;
  }

  private static boolean isPunctuation(Lexeme t) {
    return switch (t.kind()) {
      case LBRACE, RBRACE, COMMA, SEMI -> true;
      default -> false;
    };
  }
}
