package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.model.Problem;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into problems with a precise span and a message in the
 * user's words: "expected a name" rather than a list of token types.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
  /** Past this many expected keywords we say "a statement" instead of listing them. */
  private static final int STATEMENT_THRESHOLD = 8;

  private final URI uri;
  private final int textLength;
  private final List<Problem> problems = new ArrayList<>();

  SyntaxErrorCollector(URI uri, int textLength) {
    this.uri = uri;
    this.textLength = textLength;
  }

  List<Problem> problems() {
    return problems;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
      String msg, RecognitionException e) {
    Token token = (Token) offendingSymbol;
    IntervalSet expected = e != null && e.getExpectedTokens() != null
        ? e.getExpectedTokens() : ((Parser) recognizer).getExpectedTokens();
    String message;
    if (msg.startsWith("missing ")) {
      message = "missing " + describe(expected) + " before " + quote(token);
    } else if (token.getType() == TopologyLexer.ERROR_CHAR) {
      message = "unexpected character " + quote(token);
    } else {
      message = "unexpected " + quote(token) + ": expected " + describe(expected);
    }
    problems.add(new Problem(RuleIds.SYNTAX, span(token), message));
  }

  private Span span(Token token) {
    if (token.getType() == Token.EOF) {
      return new Span(uri, textLength, textLength);
    }
    int start = Math.min(token.getStartIndex(), textLength);
    return new Span(uri, start, Math.max(start, Math.min(token.getStopIndex() + 1, textLength)));
  }

  static String quote(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    String text = token.getText();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return "'" + text + "'";
  }

  static String describe(IntervalSet expected) {
    List<String> words = new ArrayList<>();
    int keywords = 0;
    for (int type : expected.toList()) {
      if (isKeyword(type)) {
        keywords++;
      }
    }
    if (keywords >= STATEMENT_THRESHOLD) {
      words.add("a statement");
      if (expected.contains(TopologyLexer.RBRACE)) {
        words.add("'}'");
      }
      if (expected.contains(Token.EOF)) {
        words.add("end of file");
      }
    } else {
      for (int type : expected.toList()) {
        words.add(displayName(type));
      }
    }
    return join(words.stream().distinct().toList());
  }

  private static boolean isKeyword(int type) {
    return type >= TopologyLexer.IMPORT && type <= TopologyLexer.LOAD;
  }

  private static String displayName(int type) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case TopologyLexer.IDENT -> "a name";
      case TopologyLexer.STRING -> "a quoted string";
      case TopologyLexer.NUMBER -> "a number";
      case TopologyLexer.QUANTITY -> "a quantity such as 512Mi";
      default -> TopologyLexer.VOCABULARY.getDisplayName(type);
    };
  }

  private static String join(List<String> words) {
    if (words.isEmpty()) {
      return "something else";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }
}
