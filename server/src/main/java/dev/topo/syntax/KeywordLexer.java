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

  public KeywordLexer(CharStream input) {
    super(input);
    removeErrorListeners();
  }

  /** A lexer over a text whose token offsets are Java string indices (UTF-16 units, as LSP positions). */
  public static KeywordLexer of(String text, String sourceName) {
    return new KeywordLexer(TopologySyntax.chars(sourceName, text));
  }

  @Override
  public Token nextToken() {
    Token token = super.nextToken();
    if (token.getType() == IDENT && Keyword.isProperty(token.getText())) {
      ((CommonToken) token).setType(KEYWORD);
    }
    return token;
  }

  /** Whether a token type starts a statement: a property keyword, {@code import} or a block keyword. */
  public static boolean isKeyword(int type) {
    return type == KEYWORD || (type >= IMPORT && type <= MODULE);
  }
}
