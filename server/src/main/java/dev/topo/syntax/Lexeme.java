package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.antlr.v4.runtime.Token;

/**
 * A token as plain data, for the editor layer above, which reads where the words, braces and
 * comments of a text are (to complete, fold, select) but not ANTLR's tokens.
 *
 * @param start where it starts
 * @param end where it ends (exclusive); the {@link Kind#END} of a text is empty
 * @param text the text as written (a string with its quotes)
 */
public record Lexeme(Kind kind, int start, int end, String text) {

  /** What a token is, as the lexer sees it (a keyword is a statement's keyword only where one starts). */
  public enum Kind {
    /** A word that may start a statement: a property keyword, {@code import}, or a block's keyword. */
    KEYWORD,
    /** Any other word. */
    NAME,
    NUMBER,
    /** A number with its unit: {@code 64GiB}. */
    QUANTITY,
    /** A string literal, with its quotes; maybe unterminated. */
    STRING,
    LINE_COMMENT,
    /** Maybe unterminated. */
    BLOCK_COMMENT,
    WHITE_SPACE,
    LBRACE,
    RBRACE,
    COMMA,
    SEMI,
    /** A character the language has no use for. */
    OTHER,
    /** The end of the text, always the last. */
    END
  }

  /** Whether the parser skips it: white space and comments. */
  public boolean hidden() {
    return kind == Kind.WHITE_SPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
  }

  /** A name or a keyword: keywords are names too where a name is expected. */
  public boolean isWord() {
    return kind == Kind.NAME || kind == Kind.KEYWORD;
  }

  /** Whether a string has its closing quote, or a block comment its {@code *}{@code /}; true for anything else. */
  public boolean terminated() {
    return switch (kind) {
      case STRING -> Strings.isTerminated(text);
      case BLOCK_COMMENT -> text.endsWith("*/");
      default -> true;
    };
  }

  /** A string's value, without its quotes and with its escapes resolved; the text of anything else. */
  public String value() {
    return kind == Kind.STRING ? Strings.unquote(text).value() : text;
  }

  /** The tokens of a text, lexed as the parser lexes them, ending with {@link Kind#END}. */
  public static List<Lexeme> of(String text) {
    TopologyLexer lexer = KeywordLexer.of(text, "lexemes");
    List<Lexeme> lexemes = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      lexemes.add(of(t));
      if (t.getType() == Token.EOF) {
        return lexemes;
      }
    }
  }

  /** The tokens of a document's syntax, read where they stand: nothing is lexed again. */
  public static List<Lexeme> of(DocumentSyntax syntax) {
    return new Tokens(syntax.tokens());
  }

  /** A view that makes each lexeme when it is read: a feature that searches reads a few. */
  private static final class Tokens extends AbstractList<Lexeme> implements RandomAccess {
    private final List<Token> tokens;

    Tokens(List<Token> tokens) {
      this.tokens = tokens;
    }

    @Override
    public Lexeme get(int index) {
      return of(tokens.get(index));
    }

    @Override
    public int size() {
      return tokens.size();
    }
  }

  private static Lexeme of(Token t) {
    int start = t.getStartIndex();
    int end = Math.max(start, t.getStopIndex() + 1);
    return new Lexeme(kindOf(t.getType()), start, end, t.getType() == Token.EOF ? "" : t.getText());
  }

  private static Kind kindOf(int type) {
    if (KeywordLexer.isKeyword(type)) {
      return Kind.KEYWORD;
    }
    return switch (type) {
      case TopologyLexer.IDENT -> Kind.NAME;
      case TopologyLexer.NUMBER -> Kind.NUMBER;
      case TopologyLexer.QUANTITY -> Kind.QUANTITY;
      case TopologyLexer.STRING -> Kind.STRING;
      case TopologyLexer.LINE_COMMENT -> Kind.LINE_COMMENT;
      case TopologyLexer.BLOCK_COMMENT -> Kind.BLOCK_COMMENT;
      case TopologyLexer.WS -> Kind.WHITE_SPACE;
      case TopologyLexer.LBRACE -> Kind.LBRACE;
      case TopologyLexer.RBRACE -> Kind.RBRACE;
      case TopologyLexer.COMMA -> Kind.COMMA;
      case TopologyLexer.SEMI -> Kind.SEMI;
      case Token.EOF -> Kind.END;
      default -> Kind.OTHER;
    };
  }
}
