package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
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
 * user's words and language: "expected a name" rather than a list of token types. ANTLR's
 * own text is never shown: only whether a token is missing or unexpected is read from it,
 * and the bundles' {@code syntax.*} messages say the rest, with the tokens as arguments.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
  /** Past this many expected keywords we say "a statement" instead of listing them. */
  private static final int STATEMENT_THRESHOLD = 8;

  private final URI uri;
  private final String text;
  private final int textLength;
  private final List<Problem> problems = new ArrayList<>();
  /** Where the last character of two UTF-16 units that was reported starts. */
  private int reportedPair = -1;

  SyntaxErrorCollector(URI uri, String text) {
    this.uri = uri;
    this.text = text;
    this.textLength = text.length();
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
    Message message;
    if (msg.startsWith("missing ")) {
      message = Message.of("syntax.missing", describe(expected), quote(token));
    } else if (token.getType() == TopologyLexer.ERROR_CHAR) {
      strayCharacter(token);
      return;
    } else {
      message = Message.of("syntax.unexpected", quote(token), describe(expected));
    }
    problems.add(new Problem(ProblemCode.SYNTAX, span(token), message));
  }

  /**
   * A character the lexer did not know. The lexer reads UTF-16 units, so a character outside
   * the BMP (an emoji) arrives as two tokens: it is reported once, whole, with a span over
   * both halves. Half of one in a message would reach the client as '?', since a lone
   * surrogate cannot be encoded in the protocol's UTF-8; lone surrogates and control
   * characters are named by their code instead.
   */
  private void strayCharacter(Token token) {
    int start = token.getStartIndex();
    if (start < 0 || start >= textLength) {
      problems.add(new Problem(ProblemCode.SYNTAX, span(token), Message.of("syntax.character", quote(token))));
      return;
    }
    if (Character.isLowSurrogate(text.charAt(start)) && start > 0 && Character.isHighSurrogate(text.charAt(start - 1))) {
      if (start - 1 == reportedPair) {
        return; // the second half of a character already reported with its first
      }
      start--;
    }
    int codePoint = text.codePointAt(start);
    if (Character.charCount(codePoint) == 2) {
      reportedPair = start;
    }
    String shown = Character.isSurrogate(text.charAt(start)) && Character.charCount(codePoint) == 1
        || Character.isISOControl(codePoint) ? String.format("U+%04X", codePoint)
        : "'" + new String(Character.toChars(codePoint)) + "'";
    problems.add(new Problem(ProblemCode.SYNTAX, new Span(uri, start, start + Character.charCount(codePoint)),
        Message.of("syntax.character", shown)));
  }

  private Span span(Token token) {
    if (token.getType() == Token.EOF) {
      return new Span(uri, textLength, textLength);
    }
    int start = Math.min(token.getStartIndex(), textLength);
    return new Span(uri, start, Math.max(start, Math.min(token.getStopIndex() + 1, textLength)));
  }

  /**
   * A token as a message shows it. Half of a character outside the BMP (the lexer reads
   * UTF-16 units) is named by its code, as in {@link #strayCharacter}: the protocol's UTF-8
   * cannot carry it, and the client would see '?'.
   */
  static Message quote(Token token) {
    if (token.getType() == Token.EOF) {
      return END_OF_FILE;
    }
    String text = token.getText();
    if (text.length() == 1 && Character.isSurrogate(text.charAt(0))) {
      return Message.literal(String.format("U+%04X", (int) text.charAt(0)));
    }
    if (text.length() > 40) {
      text = text.substring(0, Character.isHighSurrogate(text.charAt(36)) ? 36 : 37) + "...";
    }
    return Message.literal("'" + text + "'");
  }

  static final Message END_OF_FILE = Message.of("syntax.end-of-file");
  static final Message STATEMENT = Message.of("syntax.expected.statement");
  static final Message CLOSING_BRACE = Message.literal("'}'");

  static Message describe(IntervalSet expected) {
    List<Message> words = new ArrayList<>();
    int keywords = 0;
    for (int type : expected.toList()) {
      if (isKeyword(type)) {
        keywords++;
      }
    }
    if (expected.contains(KeywordLexer.KEYWORD) || keywords >= STATEMENT_THRESHOLD) {
      words.add(STATEMENT);
      if (expected.contains(TopologyLexer.RBRACE)) {
        words.add(CLOSING_BRACE);
      }
      if (expected.contains(Token.EOF)) {
        words.add(END_OF_FILE);
      }
    } else {
      for (int type : expected.toList()) {
        words.add(displayName(type));
      }
    }
    return or(words.stream().distinct().toList());
  }

  private static boolean isKeyword(int type) {
    return KeywordLexer.isKeyword(type);
  }

  private static Message displayName(int type) {
    return switch (type) {
      case Token.EOF -> END_OF_FILE;
      case TopologyLexer.IDENT -> Message.of("syntax.expected.name");
      case KeywordLexer.KEYWORD -> Message.of("syntax.expected.keyword");
      case TopologyLexer.STRING -> Message.of("syntax.expected.string");
      case TopologyLexer.NUMBER -> Message.of("syntax.expected.number");
      case TopologyLexer.QUANTITY -> Message.of("syntax.expected.quantity");
      default -> Message.literal(TopologyLexer.VOCABULARY.getDisplayName(type)); // a symbol, quoted: '{'
    };
  }

  /** Words offered as a choice ("a name, '{' or end of file"); "something else" when there are none. */
  static Message or(List<Message> words) {
    return words.isEmpty() ? Message.of("syntax.expected.something") : Message.or(words);
  }

}
