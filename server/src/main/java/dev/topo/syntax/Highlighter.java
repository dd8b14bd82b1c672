package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.BlockContext;
import dev.topo.grammar.TopologyParser.HypervisorStmtContext;
import dev.topo.grammar.TopologyParser.LanguageStmtContext;
import dev.topo.grammar.TopologyParser.LibraryStmtContext;
import dev.topo.grammar.TopologyParser.LoadStmtContext;
import dev.topo.grammar.TopologyParser.NameContext;
import dev.topo.grammar.TopologyParser.NodeRefContext;
import dev.topo.grammar.TopologyParser.OsStmtContext;
import dev.topo.grammar.TopologyParser.PrivilegedStmtContext;
import dev.topo.grammar.TopologyParser.RequiresStmtContext;
import dev.topo.grammar.TopologyParser.RuntimeStmtContext;
import dev.topo.grammar.TopologyParser.ShareStmtContext;
import dev.topo.model.Load;
import dev.topo.model.Namespace;
import dev.topo.model.OsFamily;
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
  public record Highlight(int start, int end, Role role) {}

  /** The highlights of a document's syntax: each text it was parsed from highlighted once, the highlights moved to where they stand. */
  public static List<Highlight> of(DocumentSyntax syntax) {
    return syntax.perSegment(Highlighter.class, Highlighter::of, Highlight::start,
        (h, shift) -> new Highlight(h.start() + shift, h.end() + shift, h.role()));
  }

  /** The highlights of a text, in text order, never overlapping. */
  public static List<Highlight> of(SyntaxTree tree) {
    List<Token> tokens = tree.tokens();
    Role[] roles = new Role[tokens.size()];
    for (int i = 0; i < roles.length; i++) {
      roles[i] = lexical(tokens.get(i).getType());
    }
    if (tree.root() != null) {
      place(tree.root(), roles);
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
    if (type >= TopologyLexer.IMPORT && type <= TopologyLexer.LOAD) {
      return Role.KEYWORD;
    }
    return switch (type) {
      case TopologyLexer.NUMBER, TopologyLexer.QUANTITY -> Role.NUMBER;
      case TopologyLexer.STRING -> Role.STRING;
      case TopologyLexer.LINE_COMMENT, TopologyLexer.BLOCK_COMMENT -> Role.COMMENT;
      default -> null;
    };
  }

  /** Walks the tree without recursion (error recovery can make it deep) and gives names and versions their roles. */
  private static void place(ParserRuleContext root, Role[] roles) {
    Deque<ParseTree> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      ParseTree node = todo.pop();
      if (node instanceof NameContext name) {
        Token token = nameToken(name);
        if (token != null) {
          roles[token.getTokenIndex()] = nameRole(name.getParent(), token.getText());
        }
      } else if (node instanceof TerminalNode terminal && !(terminal instanceof ErrorNode)) {
        Token token = terminal.getSymbol();
        if (token.getType() == TopologyLexer.STRING && token.getTokenIndex() >= 0
            && (node.getParent() instanceof LibraryStmtContext || node.getParent() instanceof RequiresStmtContext)) {
          roles[token.getTokenIndex()] = Role.VERSION;
        }
      } else if (node instanceof ParserRuleContext ctx) {
        for (int i = ctx.getChildCount() - 1; i >= 0; i--) {
          todo.push(ctx.getChild(i));
        }
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

  /** What a name is, from the statement it stands in; null when it is an unknown word of a closed set. */
  private static Role nameRole(ParserRuleContext parent, String word) {
    if (parent instanceof BlockContext) {
      return Role.DECLARATION;
    } else if (parent instanceof NodeRefContext) {
      return Role.REFERENCE;
    } else if (parent instanceof OsStmtContext) {
      return OsFamily.fromWord(word).isPresent() ? Role.OS_FAMILY : null;
    } else if (parent instanceof ShareStmtContext) {
      return Namespace.fromWord(word).isPresent() ? Role.NAMESPACE : null;
    } else if (parent instanceof LoadStmtContext) {
      return Load.fromWord(word).isPresent() ? Role.VALUE : null;
    } else if (parent instanceof PrivilegedStmtContext) {
      return word.equals("true") || word.equals("false") ? Role.VALUE : null;
    } else if (parent instanceof HypervisorStmtContext || parent instanceof RuntimeStmtContext
        || parent instanceof LanguageStmtContext) {
      return Role.PLATFORM;
    } else if (parent instanceof LibraryStmtContext) {
      return Role.LIBRARY;
    } else if (parent instanceof RequiresStmtContext) {
      return Role.LIBRARY_REFERENCE;
    }
    return null;
  }
}
