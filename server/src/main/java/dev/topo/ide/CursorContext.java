package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Span;
import dev.topo.syntax.Lexeme;
import dev.topo.syntax.Lexeme.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the text around a cursor says, for completion and explanations: in which blocks the
 * cursor stands, and whether a statement starts there or which statement's value it is at.
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
  private enum Slot { NAME, KEY, STRING, OPTIONAL_STRING, NUMBER, MEMORY, NAME_LIST, BRACE }

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
          case QUANTITY, CORES -> Slot.MEMORY;
          case KEY -> Slot.KEY;
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
    /** The vocabulary's slots, for the words of closed sets that lex as numbers ({@code arch 386}). */
    final List<dev.topo.model.Slot> slots;
    int slot;
    /** In a name list: a name was just read, so only a comma continues the list. */
    boolean afterName;
    final List<String> words = new ArrayList<>();

    Statement(String keyword) {
      this.keyword = keyword;
      this.shape = SHAPES.get(keyword);
      this.slots = Keyword.of(keyword).orElseThrow().slots();
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
    boolean fits(Lexeme t) {
      if (slot >= shape.size()) {
        return false;
      }
      return switch (shape.get(slot)) {
        case NAME -> isName(t);
        case KEY -> t.isWord() || t.kind() == Kind.STRING;
        case STRING, OPTIONAL_STRING -> t.kind() == Kind.STRING;
        case NUMBER -> t.kind() == Kind.NUMBER;
        case MEMORY -> t.kind() == Kind.NUMBER || t.kind() == Kind.QUANTITY;
        case NAME_LIST -> afterName ? t.kind() == Kind.COMMA : isName(t);
        case BRACE -> false; // a brace opens the block: see read()
      };
    }

    /**
     * A word, a number that is a word of the slot's closed set, or a quoted name where the
     * slot names an entity ({@code host "a.b"}, {@code nodes "a.b"}), as the parser reads it.
     */
    private boolean isName(Lexeme t) {
      dev.topo.model.Slot vocabulary = slot < slots.size() ? slots.get(slot) : null;
      return t.isWord() || (t.kind() == Kind.NUMBER && vocabulary != null && vocabulary.closed().contains(t.text()))
          || (t.kind() == Kind.STRING && vocabulary != null && vocabulary.namesEntity());
    }

    void take(Lexeme t) {
      if (shape.get(slot) == Slot.NAME_LIST) {
        if (t.kind() == Kind.COMMA) {
          afterName = false;
        } else {
          afterName = true;
          words.add(t.value());
        }
        return;
      }
      words.add(t.value());
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
   * The context at an offset of a snapshot's document, read from the stretch between the
   * parsed top-level declarations that end before the cursor and those that start after it;
   * whatever is half-typed lies in that stretch, and nothing outside it changes the answer.
   */
  public static CursorContext at(Snapshot snapshot, int offset) {
    String text = snapshot.document().text();
    int from = 0;
    int to = text.length();
    boolean declarationsBefore = false;
    List<Entity> declarations = snapshot.file().declarations();
    List<Span> before = new ArrayList<>();
    for (Entity declaration : declarations) {
      Span span = snapshot.file().span(declaration);
      // A host hoisted out of a block with a missing '}' lies inside another: not a boundary.
      if (declarations.stream().anyMatch(d -> d != declaration && snapshot.file().span(d).contains(span))) {
        continue;
      }
      if (span.end() < offset) {
        before.add(span);
        declarationsBefore = true;
      } else if (span.start() > offset) {
        to = Math.min(to, span.start());
      }
    }
    // The nearest block before the cursor bounds the window only if it ends with its '}' and
    // its braces balance: a block whose '}' is missing may still hold the cursor.
    before.sort(Comparator.comparingInt(Span::end).reversed());
    for (Span span : before) {
      if (text.charAt(span.end() - 1) == '}' && balanced(text.substring(span.start(), span.end()))) {
        from = span.end();
        break;
      }
    }
    return at(text, offset, from, to, declarationsBefore);
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
    for (Lexeme t : Lexeme.of(text)) {
      if (t.kind() == Kind.LBRACE) {
        depth++;
      } else if (t.kind() == Kind.RBRACE && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** The context at an offset of a text (clamped to the text). */
  public static CursorContext at(String text, int offset) {
    int cursor = Math.max(0, Math.min(offset, text.length()));
    List<Lexeme> tokens = Lexeme.of(text);

    Lexeme word = null;
    for (Lexeme t : tokens) {
      if (t.kind() == Kind.END || t.start() >= cursor) {
        break;
      }
      if (!standsIn(t)) {
        continue;
      }
      if (cursor < t.end() || (cursor == t.end() && continuesAtEnd(t))) {
        word = t;
        break;
      }
    }
    if (word != null && (word.kind() == Kind.LINE_COMMENT || word.kind() == Kind.BLOCK_COMMENT)) {
      return none(cursor);
    }

    List<Frame> stack = new ArrayList<>();
    stack.add(new Frame(null, "", -1));
    CursorContext found = null;
    List<Frame> atCursor = null;
    for (Lexeme t : tokens) {
      if (t.hidden() || t.kind() == Kind.END) {
        continue;
      }
      if (found == null && (t == word || t.start() >= cursor)) {
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
  private static boolean standsIn(Lexeme t) {
    return switch (t.kind()) {
      case KEYWORD, NAME, NUMBER, QUANTITY, STRING, LINE_COMMENT, BLOCK_COMMENT -> true;
      default -> false;
    };
  }

  /** Whether a cursor right after this token still belongs to it: a word, or an open string or block comment. */
  private static boolean continuesAtEnd(Lexeme t) {
    return switch (t.kind()) {
      case KEYWORD, NAME, NUMBER, QUANTITY, LINE_COMMENT -> true;
      case STRING, BLOCK_COMMENT -> !t.terminated();
      default -> false;
    };
  }

  /** The context of the cursor given the blocks and statements read before it. */
  private static CursorContext capture(String text, int cursor, Lexeme word, List<Frame> stack) {
    Frame top = stack.get(stack.size() - 1);
    Statement s = top.statement;
    boolean declarationsBefore = stack.get(0).given.stream()
        .anyMatch(given -> Keyword.of(given).filter(k -> k.form() == Keyword.Form.BLOCK && k.allowedIn(null)).isPresent());
    List<String> listed = s == null ? List.of() : List.copyOf(s.words);
    if (word != null && word.kind() == Kind.STRING) {
      int start = word.start() + 1;
      String keyword = s != null && s.fits(word) ? s.keyword : null;
      return new CursorContext(Place.STRING, start, text.substring(start, cursor), List.of(), keyword,
          s == null ? 0 : s.slot, listed, false, declarationsBefore);
    }
    int replaceStart = word == null ? cursor : word.start();
    String prefix = text.substring(replaceStart, cursor);
    Slot expected = s == null ? null : s.expected();
    boolean statementMayStart = expected == null || expected == Slot.OPTIONAL_STRING
        || (word != null && !s.fits(word) && expected != Slot.NAME && expected != Slot.KEY
            && expected != Slot.NAME_LIST);
    if (statementMayStart) {
      return new CursorContext(Place.STATEMENT, replaceStart, prefix, List.of(), null, 0, List.of(), false,
          declarationsBefore);
    }
    int argument = expected == Slot.NAME_LIST ? s.words.size() : s.slot;
    return new CursorContext(Place.VALUE, replaceStart, prefix, List.of(), s.keyword, argument, listed, false,
        declarationsBefore);
  }

  /** Whether the statement at the cursor already has its string after the cursor (on any line). */
  private boolean stringFollows(List<Lexeme> tokens, Lexeme word, int cursor) {
    if (place != Place.VALUE) {
      return false;
    }
    for (Lexeme t : tokens) {
      if (!t.hidden() && t != word && t.start() >= cursor) {
        return t.kind() == Kind.STRING;
      }
    }
    return false;
  }

  /** Reads one token into the block it stands in. */
  private static void read(Lexeme t, List<Frame> stack) {
    Frame top = stack.get(stack.size() - 1);
    if (t.kind() == Kind.RBRACE) {
      top.end();
      if (stack.size() > 1) {
        stack.remove(stack.size() - 1);
      }
      stack.get(stack.size() - 1).end();
      return;
    }
    if (t.kind() == Kind.SEMI) {
      top.end();
      return;
    }
    Statement s = top.statement;
    if (s != null && s.isBlock() && t.kind() == Kind.LBRACE) {
      open(stack, s, t); // with its name, or without when it is not written yet
      return;
    }
    if (s != null && s.fits(t)) {
      s.take(t);
      return;
    }
    top.end();
    if (t.kind() == Kind.LBRACE) {
      stack.add(new Frame(null, "", t.start())); // a brace that opens no known block
    } else if (t.kind() == Kind.KEYWORD) {
      top.given.add(t.text());
      top.statement = new Statement(t.text());
    }
    // Anything else is a word that starts no statement; the next token starts afresh.
  }

  private static void open(List<Frame> stack, Statement s, Lexeme brace) {
    Frame parent = stack.get(stack.size() - 1);
    parent.statement = null;
    String name = s.words.isEmpty() ? "" : s.words.get(0);
    stack.add(new Frame(EntityKind.fromKeyword(s.keyword), name, brace.start()));
  }
}
