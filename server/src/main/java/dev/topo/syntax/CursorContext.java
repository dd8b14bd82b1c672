package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * What the text around a cursor says, for completion: in which blocks the cursor stands,
 * and whether a statement starts there or which statement's value it is at.
 *
 * <p>It reads tokens, not the parse tree, because the text being edited is nearly always
 * broken: {@code host a {\n  os } has no closing brace and no OS family yet, and the model
 * built from it may lack the statement being typed. The tokens are grouped into statements
 * by the shapes of the grammar (what follows each keyword), and blocks are tracked by their
 * braces, so any prefix of a valid file gives the context a valid file would.
 *
 * @param place what the cursor is at
 * @param replaceStart where the word (or, in a string, the text) typed before the cursor
 *     starts; completions replace from here to the cursor
 * @param prefix the text from {@code replaceStart} to the cursor
 * @param blocks the blocks that enclose the cursor, outermost first (none at the top of a file)
 * @param keyword the statement whose value the cursor is at ({@link Place#VALUE} and
 *     {@link Place#STRING}); null elsewhere or for a string that belongs to no statement
 * @param argument which value of that statement (0 for the first word after the keyword)
 * @param listed the names the statement already has before the cursor ({@code share},
 *     {@code nodes})
 * @param stringFollows whether the statement's string is already written after the cursor
 * @param declarationsBefore whether a host or cluster stands before the cursor at the top of
 *     the file (imports must come before them)
 */
public record CursorContext(Place place, int replaceStart, String prefix, List<Block> blocks, String keyword,
    int argument, List<String> listed, boolean stringFollows, boolean declarationsBefore) {

  public enum Place {
    /** A statement can start here. */
    STATEMENT,
    /** The cursor is at a value of a statement ({@link #keyword}, {@link #argument}). */
    VALUE,
    /** The cursor is inside a string literal. */
    STRING,
    /** Inside a comment, or anywhere nothing can be typed. */
    NONE
  }

  /**
   * A block around the cursor as its tokens declare it.
   *
   * @param kind null for a brace that opens no known block
   * @param name the block's name, empty when not written yet
   * @param open the offset of its '{'
   * @param given the keywords of the statements it holds (the one at the cursor excepted)
   * @param values the words after each keyword, from its first statement ({@code os} to
   *     {@code [linux]}, {@code nodes} to {@code [n1, n2]})
   * @param libraries its {@code library} statements: name to the version as written (unquoted)
   */
  public record Block(EntityKind kind, String name, int open, Set<String> given, Map<String, List<String>> values,
      Map<String, String> libraries) {

    /** The first word after a keyword in this block, or null. */
    public String value(String keyword) {
      List<String> words = values.get(keyword);
      return words == null || words.isEmpty() ? null : words.get(0);
    }
  }

  /** The innermost block around the cursor, or null at the top of a file. */
  public Block block() {
    return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
  }

  /** The block that holds the innermost one, or null. */
  public Block outer(int levels) {
    int i = blocks.size() - 1 - levels;
    return i >= 0 ? blocks.get(i) : null;
  }

  /** Whether a word is the keyword of a statement (and so may start one). */
  public static boolean isStatementKeyword(String word) {
    return SHAPES.containsKey(word);
  }

  // ---- the scanner ----

  /** What a statement takes after its keyword. */
  private enum Slot { NAME, STRING, OPTIONAL_STRING, NUMBER, MEMORY, NAME_LIST, BRACE }

  private static final Map<String, List<Slot>> SHAPES = shapes();

  /** What each keyword takes, from the vocabulary; a block's name is followed by its brace. */
  private static Map<String, List<Slot>> shapes() {
    Map<String, List<Slot>> s = new LinkedHashMap<>();
    for (Keyword keyword : Keyword.values()) {
      List<Slot> shape = new ArrayList<>();
      for (dev.topo.model.Slot slot : keyword.slots()) {
        shape.add(switch (slot.shape()) {
          case WORD -> Slot.NAME;
          case WORD_LIST -> Slot.NAME_LIST;
          case STRING -> slot.optional() ? Slot.OPTIONAL_STRING : Slot.STRING;
          case NUMBER -> Slot.NUMBER;
          case QUANTITY -> Slot.MEMORY;
        });
      }
      if (keyword.form() == Keyword.Form.BLOCK) {
        shape.add(Slot.BRACE);
      }
      s.put(keyword.word(), List.copyOf(shape));
    }
    return Map.copyOf(s);
  }

  /** A statement being read: its keyword, the slot it is at, and its words so far. */
  private static final class Statement {
    final String keyword;
    final List<Slot> shape;
    int slot;
    /** In a name list: a name was just read, so only a comma continues the list. */
    boolean afterName;
    final List<String> words = new ArrayList<>();

    Statement(String keyword) {
      this.keyword = keyword;
      this.shape = SHAPES.get(keyword);
    }

    /** The slot the next token would fill, or null when the statement can take nothing more. */
    Slot expected() {
      if (slot >= shape.size()) {
        return null;
      }
      Slot s = shape.get(slot);
      return s == Slot.NAME_LIST && afterName ? null : s;
    }

    /** Whether the statement may go on although it is complete (an optional string, another name). */
    boolean fits(Token t) {
      if (slot >= shape.size()) {
        return false;
      }
      return switch (shape.get(slot)) {
        case NAME -> isName(t);
        case STRING, OPTIONAL_STRING -> t.getType() == TopologyLexer.STRING;
        case NUMBER -> t.getType() == TopologyLexer.NUMBER;
        case MEMORY -> t.getType() == TopologyLexer.NUMBER || t.getType() == TopologyLexer.QUANTITY;
        case NAME_LIST -> afterName ? t.getType() == TopologyLexer.COMMA : isName(t);
        case BRACE -> false; // a brace opens the block: see read()
      };
    }

    void take(Token t) {
      if (shape.get(slot) == Slot.NAME_LIST) {
        if (t.getType() == TopologyLexer.COMMA) {
          afterName = false;
        } else {
          afterName = true;
          words.add(t.getText());
        }
        return;
      }
      words.add(t.getType() == TopologyLexer.STRING ? Strings.unquote(t.getText()).value() : t.getText());
      slot++;
    }

    boolean isBlock() {
      return shape.contains(Slot.BRACE);
    }
  }

  /** A block while its tokens are read. */
  private static final class Frame {
    final EntityKind kind;
    final String name;
    final int open;
    final Set<String> given = new HashSet<>();
    final Map<String, List<String>> values = new LinkedHashMap<>();
    final Map<String, String> libraries = new LinkedHashMap<>();
    Statement statement;

    Frame(EntityKind kind, String name, int open) {
      this.kind = kind;
      this.name = name;
      this.open = open;
    }

    /** A statement ends: what it said is kept for the completions that depend on it. */
    void end() {
      Statement s = statement;
      statement = null;
      if (s == null || s.isBlock()) {
        return;
      }
      values.putIfAbsent(s.keyword, List.copyOf(s.words));
      if (s.keyword.equals(Keyword.LIBRARY.word()) && !s.words.isEmpty()) {
        libraries.putIfAbsent(s.words.get(0), s.words.size() > 1 ? s.words.get(1) : "");
      }
    }

    Block freeze() {
      return new Block(kind, name, open, Collections.unmodifiableSet(given), Collections.unmodifiableMap(values),
          Collections.unmodifiableMap(libraries));
    }
  }

  /**
   * The context at an offset, reading only the window {@code [from, to)} of the text: the
   * stretch between the top-level declarations around the cursor, which is all that the
   * context depends on, so a large file is not lexed whole on every keystroke.
   *
   * @param declarationsBefore whether a host or cluster is declared before the window
   */
  public static CursorContext at(String text, int offset, int from, int to, boolean declarationsBefore) {
    int start = Math.max(0, Math.min(from, text.length()));
    int end = Math.max(start, Math.min(to, text.length()));
    if (offset < start || offset > end) {
      return at(text, offset);
    }
    CursorContext c = at(text.substring(start, end), offset - start);
    List<Block> blocks = new ArrayList<>();
    for (Block b : c.blocks) {
      blocks.add(new Block(b.kind(), b.name(), b.open() + start, b.given(), b.values(), b.libraries()));
    }
    return new CursorContext(c.place, c.replaceStart + start, c.prefix, List.copyOf(blocks), c.keyword, c.argument,
        c.listed, c.stringFollows, c.declarationsBefore || (declarationsBefore && c.place != Place.NONE));
  }

  /** Whether the braces of a text, outside strings and comments, close every block they open. */
  public static boolean balanced(String text) {
    int depth = 0;
    for (Token t : lex(text)) {
      if (t.getType() == TopologyLexer.LBRACE) {
        depth++;
      } else if (t.getType() == TopologyLexer.RBRACE && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** The context at an offset of a text (clamped to the text). */
  public static CursorContext at(String text, int offset) {
    int cursor = Math.max(0, Math.min(offset, text.length()));
    List<Token> tokens = lex(text);

    Token word = null;
    for (Token t : tokens) {
      if (t.getType() == Token.EOF || t.getStartIndex() >= cursor) {
        break;
      }
      int end = t.getStopIndex() + 1;
      if (!isWord(t)) {
        continue;
      }
      if (cursor < end || (cursor == end && continuesAtEnd(t))) {
        word = t;
        break;
      }
    }
    if (word != null && (word.getType() == TopologyLexer.LINE_COMMENT || word.getType() == TopologyLexer.BLOCK_COMMENT)) {
      return none(cursor);
    }

    List<Frame> stack = new ArrayList<>();
    stack.add(new Frame(null, "", -1));
    CursorContext found = null;
    List<Frame> atCursor = null;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) {
        continue;
      }
      if (found == null && (t == word || t.getStartIndex() >= cursor)) {
        found = capture(text, cursor, word, stack);
        atCursor = List.copyOf(stack);
        stack.get(stack.size() - 1).end(); // the cursor ends the statement it is in
        if (t == word) {
          continue; // the word being typed is not a statement of its block yet
        }
      }
      read(t, stack);
    }
    if (found == null) {
      found = capture(text, cursor, word, stack);
      atCursor = List.copyOf(stack);
    }
    for (Frame f : stack) {
      f.end();
    }
    List<Block> blocks = new ArrayList<>();
    for (Frame f : atCursor.subList(1, atCursor.size())) {
      blocks.add(f.freeze());
    }
    return new CursorContext(found.place, found.replaceStart, found.prefix, List.copyOf(blocks), found.keyword,
        found.argument, found.listed, found.stringFollows(tokens, word, cursor), found.declarationsBefore);
  }

  private static CursorContext none(int cursor) {
    return new CursorContext(Place.NONE, cursor, "", List.of(), null, 0, List.of(), false, false);
  }

  /** Tokens a cursor can stand in: words, numbers, strings, comments. */
  private static boolean isWord(Token t) {
    int type = t.getType();
    return isName(t) || type == TopologyLexer.NUMBER || type == TopologyLexer.QUANTITY || type == TopologyLexer.STRING
        || type == TopologyLexer.LINE_COMMENT || type == TopologyLexer.BLOCK_COMMENT;
  }

  /** Whether a cursor right after this token still belongs to it: a word, or an open string. */
  private static boolean continuesAtEnd(Token t) {
    return isName(t) || t.getType() == TopologyLexer.NUMBER || t.getType() == TopologyLexer.QUANTITY
        || t.getType() == TopologyLexer.LINE_COMMENT
        || (t.getType() == TopologyLexer.STRING && !Strings.isTerminated(t.getText()))
        || (t.getType() == TopologyLexer.BLOCK_COMMENT && !t.getText().endsWith("*/"));
  }

  /** The context of the cursor given the blocks and statements read before it. */
  private static CursorContext capture(String text, int cursor, Token word, List<Frame> stack) {
    Frame top = stack.get(stack.size() - 1);
    Statement s = top.statement;
    boolean declarationsBefore = stack.get(0).given.stream()
        .anyMatch(given -> Keyword.of(given).filter(k -> k.form() == Keyword.Form.BLOCK && k.allowedIn(null)).isPresent());
    List<String> listed = s == null ? List.of() : List.copyOf(s.words);
    if (word != null && word.getType() == TopologyLexer.STRING) {
      int start = word.getStartIndex() + 1;
      String keyword = s != null && s.fits(word) ? s.keyword : null;
      return new CursorContext(Place.STRING, start, text.substring(start, cursor), List.of(), keyword,
          s == null ? 0 : s.slot, listed, false, declarationsBefore);
    }
    int replaceStart = word == null ? cursor : word.getStartIndex();
    String prefix = text.substring(replaceStart, cursor);
    Slot expected = s == null ? null : s.expected();
    boolean statementMayStart = expected == null || expected == Slot.OPTIONAL_STRING
        || (word != null && !s.fits(word) && expected != Slot.NAME && expected != Slot.NAME_LIST);
    if (statementMayStart) {
      return new CursorContext(Place.STATEMENT, replaceStart, prefix, List.of(), null, 0, List.of(), false,
          declarationsBefore);
    }
    int argument = expected == Slot.NAME_LIST ? s.words.size() : s.slot;
    return new CursorContext(Place.VALUE, replaceStart, prefix, List.of(), s.keyword, argument, listed, false,
        declarationsBefore);
  }

  /** Whether the statement at the cursor already has its string after the cursor (on any line). */
  private boolean stringFollows(List<Token> tokens, Token word, int cursor) {
    if (place != Place.VALUE) {
      return false;
    }
    for (Token t : tokens) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t != word && t.getStartIndex() >= cursor) {
        return t.getType() == TopologyLexer.STRING;
      }
    }
    return false;
  }

  /** Reads one token into the block it stands in. */
  private static void read(Token t, List<Frame> stack) {
    Frame top = stack.get(stack.size() - 1);
    int type = t.getType();
    if (type == TopologyLexer.RBRACE) {
      top.end();
      if (stack.size() > 1) {
        stack.remove(stack.size() - 1);
      }
      stack.get(stack.size() - 1).end();
      return;
    }
    if (type == TopologyLexer.SEMI) {
      top.end();
      return;
    }
    Statement s = top.statement;
    if (s != null && s.isBlock() && type == TopologyLexer.LBRACE) {
      open(stack, s, t); // with its name, or without when it is not written yet
      return;
    }
    if (s != null && s.fits(t)) {
      s.take(t);
      return;
    }
    top.end();
    if (type == TopologyLexer.LBRACE) {
      stack.add(new Frame(null, "", t.getStartIndex())); // a brace that opens no known block
    } else if (isKeyword(t)) {
      top.given.add(t.getText());
      top.statement = new Statement(t.getText());
    }
    // Anything else is a word that starts no statement; the next token starts afresh.
  }

  private static void open(List<Frame> stack, Statement s, Token brace) {
    Frame parent = stack.get(stack.size() - 1);
    parent.statement = null;
    String name = s.words.isEmpty() ? "" : s.words.get(0);
    stack.add(new Frame(EntityKind.fromKeyword(s.keyword), name, brace.getStartIndex()));
  }

  /** Keywords are names too: they are reserved only where a statement starts. */
  private static boolean isName(Token t) {
    return t.getType() == TopologyLexer.IDENT || isKeyword(t);
  }

  private static boolean isKeyword(Token t) {
    return KeywordLexer.isKeyword(t.getType());
  }

  private static List<Token> lex(String text) {
    TopologyLexer lexer = KeywordLexer.of(text, "cursor");
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      tokens.add(t);
      if (t.getType() == Token.EOF) {
        return tokens;
      }
    }
  }
}
