package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser;
import dev.topo.model.Keyword;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The grammar's lexer, with the vocabulary's property keywords told apart from names: the
 * grammar reads {@code os} or {@code cpu} as a name, and this lexer retypes every name that
 * the vocabulary declares as a property keyword to {@code KEYWORD}. A new property statement
 * therefore needs no change to the grammar.
 */
public final class KeywordLexer extends TopologyLexer {
  /** The token type of a property keyword (declared by the grammar, given by this lexer). */
  public static final int KEYWORD = TopologyParser.KEYWORD;

  /** The text the input was made of, so that a name is compared with the keywords in place. */
  private final String text;

  private KeywordLexer(CharStream input, String text) {
    super(input);
    this.text = text;
    removeErrorListeners();
  }

  /** A lexer over a text whose token offsets are Java string indices (UTF-16 units, as LSP positions). */
  public static KeywordLexer of(String text, String sourceName) {
    return new KeywordLexer(TopologySyntax.chars(sourceName, text), text);
  }

  /** A property keyword's token, which knows its keyword: nothing after the lexer looks its word up again. */
  static final class KeywordToken extends CommonToken {
    final Keyword keyword;

    KeywordToken(Token name, Keyword keyword) {
      super(name);
      this.keyword = keyword;
      setType(KEYWORD);
    }
  }

  /** The keyword of a property statement's first token. */
  static Keyword keywordOf(Token token) {
    return token instanceof KeywordToken k ? k.keyword : Keyword.of(token.getText()).orElseThrow();
  }

  @Override
  public Token nextToken() {
    Token token = super.nextToken();
    if (token.getType() == IDENT) {
      // Every name is checked, so the check reads the text in place instead of copying it.
      Keyword keyword = Keyword.property(text, token.getStartIndex(), token.getStopIndex() + 1);
      if (keyword != null) {
        return new KeywordToken(token, keyword);
      }
    }
    return token;
  }

  /** Whether a token type starts a statement: a property keyword, {@code import} or a block keyword. */
  public static boolean isKeyword(int type) {
    return type == KEYWORD || (type >= IMPORT && type <= MODULE);
  }
}
