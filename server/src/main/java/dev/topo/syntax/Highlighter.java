package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.BlockContext;
import dev.topo.grammar.TopologyParser.NameContext;
import dev.topo.grammar.TopologyParser.PropertyContext;
import dev.topo.model.Slot;
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
 * What each word of a text is, for colouring: the lexer says what a token looks like (a
 * keyword, a number, a string, a comment) and the tree says what it is where it stands (the
 * word after {@code os} is an OS family, a keyword after {@code host} is the host's name).
 * Half-typed text is fine: tokens the parser could not place keep what the lexer says.
 */
public final class Highlighter {
  private Highlighter() {}

  /** The roles a stretch of text can play. */
  public enum Role {
    /** A statement's keyword: {@code host}, {@code os}, {@code requires}, {@code import}. */
    KEYWORD,
    /** The name a block declares: {@code host web-01 {}}. */
    DECLARATION,
    /** A name that refers to a declaration: the entries of {@code nodes}. */
    REFERENCE,
    /** {@code linux}, {@code windows}, {@code macos}, {@code freebsd} after {@code os}. */
    OS_FAMILY,
    /** One of a closed set of words: {@code low|medium|high} after load, {@code true|false}. */
    VALUE,
    /** A Linux namespace after {@code share}. */
    NAMESPACE,
    /** A runtime, hypervisor or language name: {@code docker}, {@code kvm}, {@code java}. */
    PLATFORM,
    /** The library that {@code library NAME "VERSION"} provides. */
    LIBRARY,
    /** The library that {@code requires NAME "RANGE"} asks for. */
    LIBRARY_REFERENCE,
    /** A label's key, after {@code label} or {@code select}. */
    LABEL,
    /** A number, or the amount of a quantity ({@code 64} of {@code 64GiB}). */
    NUMBER,
    /** The unit of a quantity ({@code GiB} of {@code 64GiB}). */
    UNIT,
    /** The version of a {@code library} or the range of a {@code requires}, quotes included. */
    VERSION,
    /** Any other string. */
    STRING,
    COMMENT
  }

  /** A stretch {@code [start, end)} of the text and its role; it may span lines (block comments). */
  public record Highlight(int start, int end, Role role) {
    /** The same highlight {@code shift} characters further on. */
    public Highlight moved(int shift) {
      return shift == 0 ? this : new Highlight(start + shift, end + shift, role);
    }
  }

  /** The highlights of a document's syntax: each text it was parsed from highlighted once, the highlights moved to where they stand. */
  public static List<Highlight> of(DocumentSyntax syntax) {
    return syntax.perSegment(Highlighter.class, Highlighter::of, Highlight::start, Highlight::moved);
  }

  /** The same highlights a segment at a time, each in its parsed text's own offsets (for what is kept per segment). */
  public static List<DocumentSyntax.Piece<Highlight>> pieces(DocumentSyntax syntax) {
    return syntax.pieces(Highlighter.class, Highlighter::of, Highlight::start);
  }

  /** The highlights of a text, in text order, never overlapping. */
  public static List<Highlight> of(SyntaxTree tree) {
    List<Token> tokens = tree.tokens();
    Role[] roles = new Role[tokens.size()];
    for (int i = 0; i < roles.length; i++) {
      roles[i] = lexical(tokens.get(i).getType());
    }
    if (tree.root() != null) {
      place(tree.root(), tokens, roles);
    }
    List<Highlight> result = new ArrayList<>();
    for (int i = 0; i < roles.length; i++) {
      Token t = tokens.get(i);
      int start = t.getStartIndex();
      int end = t.getStopIndex() + 1;
      if (roles[i] == null || t.getType() == Token.EOF || end <= start) {
        continue;
      }
      if (roles[i] == Role.NUMBER && t.getType() == TopologyLexer.QUANTITY) {
        int unit = unitStart(t.getText());
        result.add(new Highlight(start, start + unit, Role.NUMBER));
        result.add(new Highlight(start + unit, end, Role.UNIT));
      } else {
        result.add(new Highlight(start, end, roles[i]));
      }
    }
    return result;
  }

  /** Where the letters of a quantity such as {@code -1.5GiB} start. */
  private static int unitStart(String quantity) {
    int i = 0;
    while (i < quantity.length() && !Character.isLetter(quantity.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Role lexical(int type) {
    if (KeywordLexer.isKeyword(type)) {
      return Role.KEYWORD;
    }
    return switch (type) {
      case TopologyLexer.NUMBER, TopologyLexer.QUANTITY -> Role.NUMBER;
      case TopologyLexer.STRING -> Role.STRING;
      case TopologyLexer.LINE_COMMENT, TopologyLexer.BLOCK_COMMENT -> Role.COMMENT;
      default -> null;
    };
  }

  /** Walks the tree without recursion (error recovery can make it deep) and gives names and values their roles. */
  private static void place(ParserRuleContext root, List<Token> tokens, Role[] roles) {
    Deque<ParseTree> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      ParseTree node = todo.pop();
      if (node instanceof BlockContext block && block.name() != null) {
        Token token = nameToken(block.name());
        if (token != null) {
          roles[token.getTokenIndex()] = Role.DECLARATION;
        }
      }
      if (node instanceof PropertyContext property) {
        values(PropertyShape.of(property, tokens), roles);
      } else if (node instanceof ParserRuleContext ctx) {
        for (int i = ctx.getChildCount() - 1; i >= 0; i--) {
          todo.push(ctx.getChild(i));
        }
      }
    }
  }

  /** Each value of a property plays the role its slot declares; an unknown word of a closed set plays none. */
  private static void values(PropertyShape shape, Role[] roles) {
    List<Slot> slots = shape.keyword().slots();
    for (int s = 0; s < shape.slots().size(); s++) {
      Slot slot = slots.get(s);
      for (Token token : shape.slots().get(s)) {
        if (token.getTokenIndex() < 0) {
          continue;
        }
        boolean known = slot.closed().isEmpty() || slot.closed().contains(token.getText());
        roles[token.getTokenIndex()] = known ? Role.valueOf(slot.role().name()) : null;
      }
    }
  }

  /** The name's own token; error recovery may have attached others, or conjured one that is not in the text. */
  private static Token nameToken(NameContext name) {
    for (int i = 0; i < name.getChildCount(); i++) {
      if (name.getChild(i) instanceof TerminalNode t && !(t instanceof ErrorNode) && ModelBuilder.present(t.getSymbol())
          && t.getSymbol().getTokenIndex() >= 0) {
        return t.getSymbol();
      }
    }
    return null;
  }
}
