package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.BlockContext;
import dev.topo.grammar.TopologyParser.FileContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.grammar.TopologyParser.PropertyContext;
import dev.topo.grammar.TopologyParser.ValueContext;
import dev.topo.model.Keyword;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Slot;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Matches the values of a property statement against its keyword's slots. The grammar only
 * knows that values follow a keyword; which ones, in which order, is the vocabulary's, and a
 * value of the wrong shape is a syntax problem worded as the parser words its own.
 *
 * @param keyword the statement's keyword
 * @param slots the tokens that fill each slot (a list's commas left out), one list per slot
 * @param problem the first thing wrong with the shape, or null
 * @param problemToken where that is (the unexpected token, or the one before which a value is missing)
 */
record PropertyShape(Keyword keyword, List<List<Token>> slots, Message problem, Token problemToken) {

  boolean complete() {
    return problem == null;
  }

  /**
   * Whether the values mean something despite a problem: every slot that must be filled has
   * a value ({@code nodes a,} still names {@code a}; {@code cpu four} has no number).
   */
  boolean readable() {
    for (int s = 0; s < keyword.slots().size(); s++) {
      if (!keyword.slots().get(s).optional() && (s >= slots.size() || slots.get(s).isEmpty())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a statement with these values so far takes a name next, so that a keyword there is
   * that name rather than the start of the next statement (the parser asks, see the grammar).
   */
  static boolean expectsWord(PropertyContext property) {
    Keyword keyword = KeywordLexer.keywordOf(property.getStart());
    int count = property.getChildCount() - 1;
    int i = 0;
    for (Slot slot : keyword.slots()) {
      if (i == count) {
        return slot.shape() == Slot.Shape.WORD || slot.shape() == Slot.Shape.WORD_LIST || slot.shape() == Slot.Shape.KEY;
      }
      if (!fits(slot, valueToken(property, i))) {
        if (slot.optional()) {
          continue;
        }
        return false;
      }
      i++;
      while (slot.shape() == Slot.Shape.WORD_LIST && i < count && valueToken(property, i).getType() == TopologyLexer.COMMA) {
        if (i + 1 == count) {
          return true; // a name follows the comma
        }
        i += 2;
      }
    }
    return false;
  }

  /** The token of the {@code i}-th value of a property (a value, or a keyword read as a name). */
  private static Token valueToken(PropertyContext property, int i) {
    ParseTree child = property.getChild(i + 1);
    return child instanceof TerminalNode t ? t.getSymbol() : ((ParserRuleContext) child).getStart();
  }

  static PropertyShape of(PropertyContext property, List<Token> allTokens) {
    Keyword keyword = KeywordLexer.keywordOf(property.getStart());
    List<Token> values = new ArrayList<>();
    for (int c = 1; c < property.getChildCount(); c++) {
      ParseTree child = property.getChild(c);
      TerminalNode t = child instanceof ValueContext value && value.getChild(0) instanceof TerminalNode v ? v
          : child instanceof TerminalNode k ? k : null;
      if (t != null && !(t instanceof ErrorNode) && ModelBuilder.present(t.getSymbol())) {
        values.add(t.getSymbol());
      }
    }
    List<List<Token>> filled = new ArrayList<>();
    int i = 0;
    for (Slot slot : keyword.slots()) {
      List<Token> taken = new ArrayList<>();
      filled.add(taken);
      Token next = i < values.size() ? values.get(i) : null;
      if (next == null || !fits(slot, next)) {
        if (slot.optional()) {
          continue;
        }
        return failed(keyword, filled, slot.shape().expected(), next, property, allTokens);
      }
      taken.add(next);
      i++;
      while (slot.shape() == Slot.Shape.WORD_LIST && i < values.size() && values.get(i).getType() == TopologyLexer.COMMA) {
        Token name = i + 1 < values.size() ? values.get(i + 1) : null;
        if (name == null || !fits(slot, name)) {
          return failed(keyword, filled, Slot.Shape.WORD.expected(), name, property, allTokens);
        }
        taken.add(name);
        i += 2;
      }
    }
    if (i < values.size()) {
      Token extra = values.get(i);
      return new PropertyShape(keyword, filled, Message.of("syntax.unexpected", SyntaxErrorCollector.quote(extra),
          afterStatement(keyword, filled, property)), extra);
    }
    return new PropertyShape(keyword, filled, null, null);
  }

  private static boolean fits(Slot slot, Token token) {
    int type = token.getType();
    return switch (slot.shape()) {
      // A closed set may hold words the lexer reads as numbers (the architecture 386).
      case WORD, WORD_LIST -> type == TopologyLexer.IDENT || type == KeywordLexer.KEYWORD
          || (type == TopologyLexer.NUMBER && slot.closed().contains(token.getText()))
          || (type == TopologyLexer.STRING && slot.namesEntity());
      case STRING -> type == TopologyLexer.STRING;
      case NUMBER -> type == TopologyLexer.NUMBER;
      case QUANTITY, CORES -> type == TopologyLexer.QUANTITY || type == TopologyLexer.NUMBER;
      case KEY -> type == TopologyLexer.IDENT || type == KeywordLexer.KEYWORD || type == TopologyLexer.STRING;
    };
  }

  /** A value is missing (before the next token) or a token stands where it should be. */
  private static PropertyShape failed(Keyword keyword, List<List<Token>> filled, Message expected, Token found,
      PropertyContext property, List<Token> allTokens) {
    if (found != null) {
      return new PropertyShape(keyword, filled, Message.of("syntax.unexpected", SyntaxErrorCollector.quote(found), expected),
          found);
    }
    Token following = following(property, allTokens);
    return new PropertyShape(keyword, filled, Message.of("syntax.missing", expected, SyntaxErrorCollector.quote(following)),
        following);
  }

  /** What may come after a complete statement: an optional value left out, or the next statement. */
  private static Message afterStatement(Keyword keyword, List<List<Token>> filled, PropertyContext property) {
    List<Message> words = new ArrayList<>();
    for (int s = 0; s < keyword.slots().size(); s++) {
      if (filled.get(s).isEmpty() && keyword.slots().get(s).optional()) {
        words.add(keyword.slots().get(s).shape().expected());
      }
    }
    words.add(SyntaxErrorCollector.STATEMENT);
    boolean inBlock = property.getParent() != null && property.getParent().getParent() instanceof BlockContext;
    words.add(inBlock ? SyntaxErrorCollector.CLOSING_BRACE : SyntaxErrorCollector.END_OF_FILE);
    return SyntaxErrorCollector.or(words);
  }

  /** The first token on the parser's channel after the statement (end of file at the end). */
  private static Token following(PropertyContext property, List<Token> allTokens) {
    Token stop = property.getStop();
    int index = stop == null ? property.getStart().getTokenIndex() : Math.max(stop.getTokenIndex(), property.getStart().getTokenIndex());
    for (int i = index + 1; i < allTokens.size(); i++) {
      if (allTokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return allTokens.get(i);
      }
    }
    return allTokens.get(allTokens.size() - 1);
  }

  /** The shape problems of every property statement of a tree, as syntax problems. */
  static List<Problem> problems(FileContext root, List<Token> tokens, URI uri, int textLength) {
    List<Problem> problems = new ArrayList<>();
    Deque<StatementContext> todo = new ArrayDeque<>(root.statement());
    while (!todo.isEmpty()) {
      StatementContext statement = todo.pop();
      if (statement.block() != null) {
        statement.block().statement().forEach(todo::push);
      } else if (statement.property() != null) {
        PropertyShape shape = of(statement.property(), tokens);
        if (!shape.complete()) {
          Token at = shape.problemToken();
          int start = at.getType() == Token.EOF ? textLength : Math.min(at.getStartIndex(), textLength);
          int end = at.getType() == Token.EOF ? textLength : Math.min(at.getStopIndex() + 1, textLength);
          problems.add(new Problem(ProblemCode.SYNTAX, new Span(uri, start, end), shape.problem()));
        }
      }
    }
    return problems;
  }
}
