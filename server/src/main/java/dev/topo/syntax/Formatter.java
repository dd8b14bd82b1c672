package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser.FileContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.LineMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Lays a topology text out in the one canonical style, for the editor's formatting and for
 * {@code topo fmt}.
 *
 * <p>The style: one statement per line; a block's header and its {@code {} on one line, its
 * {@code }} on a line of its own (an empty block is {@code {}}); one indentation unit per
 * block level (two spaces unless the caller asks otherwise); one space between the tokens of
 * a statement and none before a comma; no statement-ending {@code ;}, since a line break
 * already ends the statement (so {@code a; b} on one line becomes two lines); at most one
 * blank line between statements, none just inside braces, always one between top-level
 * declarations; the file's own line ending, and one at the end.
 *
 * <p>Comments are never moved across code: a comment that ends a line of code stays at the
 * end of that line, a comment on a line of its own stays on a line of its own, indented
 * like the statement that follows it, and a block comment keeps its text byte for byte. This
 * also keeps {@code // topo-ignore} comments pointing at the statements they silence. A
 * line comment inside a statement forces a line break; the statement then continues on the
 * next line, indented two units deeper.
 *
 * <p>Formatting never loses text: a text with a syntax problem is not formatted at all, and
 * every result is checked before it is returned (it parses cleanly, has the same tokens
 * other than white space and {@code ;}, and the same model); should a check fail, the text is
 * left as it is.
 */
public final class Formatter {
  private static final URI SOURCE = URI.create("untitled:format");
  private static final String WHITE = " \t\f\uFEFF";

  private Formatter() {}

  /** The indentation unit: two spaces by default, or what the editor asks for. */
  public record Options(String indent) {
    public static final Options DEFAULT = new Options("  ");

    public Options {
      if (indent.isEmpty() || !indent.chars().allMatch(c -> c == ' ' || c == '\t')) {
        throw new IllegalArgumentException("indentation is spaces or a tab, not '" + indent + "'");
      }
    }

    /** The editor's options: {@code tabSize} spaces, or one tab when it does not insert spaces. */
    public static Options of(int tabSize, boolean insertSpaces) {
      return new Options(insertSpaces ? " ".repeat(Math.max(1, Math.min(tabSize, 16))) : "\t");
    }
  }

  /** Replace {@code [start, end)} of the original text with {@code text}. */
  public record Edit(int start, int end, String text) {
    public String applyTo(String original) {
      return original.substring(0, start) + text + original.substring(end);
    }
  }

  /** The whole text in the canonical style, or empty when it has syntax problems. */
  public static Optional<String> format(String text, Options options) {
    return Layout.of(TopologySyntax.parseTree(SOURCE, text), options).map(Layout::output);
  }

  /** The one smallest edit that formats the whole text; empty when already formatted or not formattable. */
  public static Optional<Edit> formatDocument(String text, Options options) {
    return formatDocument(TopologySyntax.parseTree(SOURCE, text), options);
  }

  /** As {@link #formatDocument(String, Options)}, for a text already parsed: the tree must be the parse of its text. */
  public static Optional<Edit> formatDocument(SyntaxTree tree, Options options) {
    String text = tree.text();
    return Layout.of(tree, options).flatMap(l -> minimal(text, 0, text.length(), l.output(), 0, l.output().length()));
  }

  /**
   * The smallest edit that formats the statements that the range {@code [from, to]}
   * touches, at the innermost block level that holds the whole range, with the comments
   * among and after them on their lines. Empty when there is nothing to change, when the
   * range touches no statement or comment, or when the text has syntax problems.
   */
  public static Optional<Edit> formatRange(String text, int from, int to, Options options) {
    return formatRange(TopologySyntax.parseTree(SOURCE, text), from, to, options);
  }

  /** As {@link #formatRange(String, int, int, Options)}, for a text already parsed: the tree must be the parse of its text. */
  public static Optional<Edit> formatRange(SyntaxTree tree, int from, int to, Options options) {
    int start = Math.max(0, Math.min(from, to));
    int end = Math.min(tree.text().length(), Math.max(from, to));
    return Layout.of(tree, options).flatMap(l -> l.rangeEdit(start, end));
  }

  /** Whether a text can be formatted: it has no syntax problem. */
  public static boolean isFormattable(String text) {
    return clean(TopologySyntax.parseTree(SOURCE, text));
  }

  private static boolean clean(SyntaxTree tree) {
    if (!tree.problems().isEmpty()) {
      return false;
    }
    // The lexer accepts unterminated strings and comments (the model builder reports them).
    for (Token token : tree.tokens()) {
      String t = token.getText();
      if (token.getType() == TopologyLexer.STRING && !Strings.isTerminated(t)
          || token.getType() == TopologyLexer.BLOCK_COMMENT && (t.length() < 4 || !t.endsWith("*/"))
          || token.getType() == TopologyLexer.ERROR_CHAR) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Edit> minimal(String original, int start, int end, String formatted, int fStart, int fEnd) {
    int prefix = 0;
    while (start + prefix < end && fStart + prefix < fEnd
        && original.charAt(start + prefix) == formatted.charAt(fStart + prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (end - suffix > start + prefix && fEnd - suffix > fStart + prefix
        && original.charAt(end - suffix - 1) == formatted.charAt(fEnd - suffix - 1)) {
      suffix++;
    }
    if (start + prefix == end - suffix && fStart + prefix == fEnd - suffix) {
      return Optional.empty();
    }
    return Optional.of(new Edit(start + prefix, end - suffix, formatted.substring(fStart + prefix, fEnd - suffix)));
  }

  /** The tokens that carry meaning, as the checks compare them: no white space, no {@code ;}. */
  static List<String> significantTokens(List<Token> tokens) {
    List<String> result = new ArrayList<>();
    for (Token t : tokens) {
      int type = t.getType();
      if (type == TopologyLexer.WS || type == TopologyLexer.SEMI || type == Token.EOF) {
        continue;
      }
      String text = type == TopologyLexer.LINE_COMMENT ? stripTrailing(t.getText()) : t.getText();
      result.add(type + ":" + text);
    }
    return result;
  }

  /** Strips the white space the language knows (not Java's wider notion) from the end. */
  static String stripTrailing(String text) {
    int end = text.length();
    while (end > 0 && WHITE.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end);
  }

  /** The start offsets of every statement (lone {@code ;} excepted), in source order. */
  static List<Integer> statementStarts(SyntaxTree tree) {
    List<Integer> starts = new ArrayList<>();
    collectStarts(tree.root().statement(), starts);
    return starts;
  }

  private static void collectStarts(List<StatementContext> statements, List<Integer> starts) {
    for (StatementContext s : statements) {
      if (isLoneSemi(s)) {
        continue;
      }
      starts.add(s.getStart().getStartIndex());
      if (s.block() != null) {
        collectStarts(s.block().statement(), starts);
      }
    }
  }

  static boolean isLoneSemi(StatementContext s) {
    return s.SEMI() != null && s.getChildCount() == 1;
  }

  /** One formatting of one text: the output and where each token went. */
  private static final class Layout {
    private final String text;
    private final SyntaxTree tree;
    private final LineMap lines;
    private final String indent;
    private final String newline;
    /** The tokens that are printed: everything but white space, {@code ;} and EOF. */
    private final List<Token> items = new ArrayList<>();
    /** Per token index of the tree's stream. */
    private final boolean[] statementStart;
    private final boolean[] topLevelBlock;
    private final StringBuilder out = new StringBuilder();
    /** Per item: where the separator before it, the item itself, and its end went in the output. */
    private int[] sepAt;
    private int[] startAt;
    private int[] endAt;
    /** Per item: the first item at or after it that is code, not a comment (items.size() if none). */
    private final int[] nextCode;
    /** Per item: whether code stands before it on the line where it starts (through comments on that line). */
    private final boolean[] codeBefore;

    private Layout(String text, SyntaxTree tree, Options options) {
      this.text = text;
      this.tree = tree;
      this.lines = LineMap.of(text);
      this.indent = options.indent();
      this.newline = lineEnding(tree, text);
      int n = tree.tokens().size();
      this.statementStart = new boolean[n];
      this.topLevelBlock = new boolean[n];
      for (Token t : tree.tokens()) {
        int type = t.getType();
        if (type != TopologyLexer.WS && type != TopologyLexer.SEMI && type != Token.EOF) {
          items.add(t);
        }
      }
      markStatements(tree.root());
      // Both are computed once, in a pass each, so that a line of a hundred thousand comments stays linear.
      nextCode = new int[items.size()];
      int next = items.size();
      for (int i = items.size() - 1; i >= 0; i--) {
        if (!isComment(items.get(i))) {
          next = i;
        }
        nextCode[i] = next;
      }
      int[] itemAt = new int[n];
      codeBefore = new boolean[items.size()];
      for (int i = 0; i < items.size(); i++) {
        Token item = items.get(i);
        itemAt[item.getTokenIndex()] = i;
        Token before = previousToken(item);
        codeBefore[i] = before != null && lines.line(before.getStopIndex()) == lines.line(item.getStartIndex())
            && (!isComment(before) || codeBefore[itemAt[before.getTokenIndex()]]);
      }
    }

    /** The token before this one that is neither white space nor {@code ;}, or null. */
    private Token previousToken(Token token) {
      for (int k = token.getTokenIndex() - 1; k >= 0; k--) {
        Token t = tree.tokens().get(k);
        if (t.getType() != TopologyLexer.WS && t.getType() != TopologyLexer.SEMI) {
          return t;
        }
      }
      return null;
    }

    static Optional<Layout> of(SyntaxTree tree, Options options) {
      if (!clean(tree)) {
        return Optional.empty();
      }
      Layout layout = new Layout(tree.text(), tree, options);
      layout.print();
      return layout.verified() ? Optional.of(layout) : Optional.empty();
    }

    String output() {
      return out.toString();
    }

    /**
     * The file's line break: the first one between tokens, so that a break inside a comment,
     * which the output keeps as it is, cannot decide it on one run and not on the next (the
     * output must format to itself); the first anywhere when no break stands between tokens.
     */
    private static String lineEnding(SyntaxTree tree, String text) {
      for (Token t : tree.tokens()) {
        if (t.getType() == TopologyLexer.WS) {
          Optional<String> found = firstLineBreak(text, t.getStartIndex(), t.getStopIndex() + 1);
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
      return firstLineBreak(text, 0, text.length()).orElse("\n");
    }

    private static Optional<String> firstLineBreak(String text, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          return Optional.of("\n");
        }
        if (c == '\r') {
          return Optional.of(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r");
        }
      }
      return Optional.empty();
    }

    private void markStatements(FileContext root) {
      mark(root.statement(), true);
    }

    private void mark(List<StatementContext> statements, boolean top) {
      for (StatementContext s : statements) {
        if (isLoneSemi(s)) {
          continue;
        }
        int index = s.getStart().getTokenIndex();
        statementStart[index] = true;
        if (s.block() != null) {
          topLevelBlock[index] = top;
          mark(s.block().statement(), false);
        }
      }
    }

    // ---- printing ----

    private void print() {
      int n = items.size();
      sepAt = new int[n];
      startAt = new int[n];
      endAt = new int[n];
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
        out.append('\uFEFF');
      }
      int depth = 0;
      for (int i = 0; i < n; i++) {
        Token token = items.get(i);
        sepAt[i] = out.length();
        if (i > 0) {
          separator(i, depth);
        }
        startAt[i] = out.length();
        out.append(token.getType() == TopologyLexer.LINE_COMMENT ? stripTrailing(token.getText()) : token.getText());
        endAt[i] = out.length();
        if (token.getType() == TopologyLexer.LBRACE) {
          depth++;
        } else if (token.getType() == TopologyLexer.RBRACE) {
          depth--;
        }
      }
      if (n > 0) {
        out.append(newline);
      }
    }

    /** Appends what goes between item {@code i - 1} and item {@code i}, at block depth {@code depth}. */
    private void separator(int i, int depth) {
      Token prev = items.get(i - 1);
      Token next = items.get(i);
      int prevType = prev.getType();
      int nextType = next.getType();
      boolean nextIsComment = isComment(next);
      if (prevType == TopologyLexer.LINE_COMMENT) {
        lineBreak(i, depth);
      } else if (nextIsComment && sameLineAsPreviousToken(next)) {
        out.append(' ');
      } else if (nextIsComment) {
        lineBreak(i, depth);
      } else if (prevType == TopologyLexer.BLOCK_COMMENT && sameLine(prev, next)) {
        // "/* c */ os linux" keeps the comment before its statement; "os linux /* c */ cpu 1" splits after it.
        boolean startsLine = statementStart[next.getTokenIndex()] || nextType == TopologyLexer.RBRACE;
        if (startsLine && (codeBefore[i - 1] || nextType == TopologyLexer.RBRACE)) {
          lineBreak(i, depth);
        } else {
          out.append(' ');
        }
      } else if (nextType == TopologyLexer.RBRACE) {
        if (prevType == TopologyLexer.LBRACE) {
          return; // an empty block: {}
        }
        lineBreak(i, depth);
      } else if (statementStart[next.getTokenIndex()]) {
        lineBreak(i, depth);
      } else if (nextType != TopologyLexer.COMMA) {
        out.append(' ');
      }
    }

    /** A line break before item {@code i}, with the blank line and the indentation it deserves. */
    private void lineBreak(int i, int depth) {
      Token prev = items.get(i - 1);
      Token next = items.get(i);
      boolean between = betweenStatements(i);
      int level;
      if (!between) {
        level = depth + 2; // a statement that a line comment broke continues deeper
      } else if (next.getType() == TopologyLexer.RBRACE) {
        level = depth - 1;
      } else {
        level = depth;
      }
      boolean blank = between && next.getType() != TopologyLexer.RBRACE && prev.getType() != TopologyLexer.LBRACE
          && (blankLineBetween(prev, next) || separatesDeclarations(i, depth));
      out.append(newline);
      if (blank) {
        out.append(newline);
      }
      out.append(indent.repeat(Math.max(0, level)));
    }

    /** Whether item {@code i} stands between statements rather than inside one. */
    private boolean betweenStatements(int i) {
      if (nextCode[i] == items.size()) {
        return true; // only comments up to the end of the file
      }
      Token code = items.get(nextCode[i]);
      return statementStart[code.getTokenIndex()] || code.getType() == TopologyLexer.RBRACE;
    }

    /**
     * A blank line always separates two top-level declarations: the break before a
     * host or cluster, or before the comments that lead it, when what precedes belongs to
     * another statement.
     */
    private boolean separatesDeclarations(int i, int depth) {
      if (depth != 0) {
        return false;
      }
      Token prev = items.get(i - 1);
      if (isComment(prev) && !codeBefore[i - 1]) {
        return false; // a comment of the group that leads this declaration
      }
      return nextCode[i] < items.size() && topLevelBlock[items.get(nextCode[i]).getTokenIndex()];
    }

    /** Whether the original text has an empty line between two items. */
    private boolean blankLineBetween(Token prev, Token next) {
      for (int k = prev.getTokenIndex() + 1; k < next.getTokenIndex(); k++) {
        Token t = tree.tokens().get(k);
        if (t.getType() == TopologyLexer.WS && lineBreaks(t.getText()) >= 2) {
          return true;
        }
      }
      return false;
    }

    private static int lineBreaks(String s) {
      int count = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
          count++;
        }
      }
      return count;
    }

    /**
     * Whether a comment starts on the line where the code or comment before it ends. A
     * {@code ;} does not count, as for suppression comments: it is layout, and it goes.
     */
    private boolean sameLineAsPreviousToken(Token comment) {
      Token before = previousToken(comment);
      return before != null && lines.line(before.getStopIndex()) == lines.line(comment.getStartIndex());
    }

    private boolean sameLine(Token a, Token b) {
      return lines.line(a.getStopIndex()) == lines.line(b.getStartIndex());
    }

    private static boolean isComment(Token t) {
      return t.getType() == TopologyLexer.LINE_COMMENT || t.getType() == TopologyLexer.BLOCK_COMMENT;
    }

    // ---- checking ----

    private boolean verified() {
      String formatted = out.toString();
      SyntaxTree again = TopologySyntax.parseTree(SOURCE, formatted);
      return clean(again)
          && significantTokens(tree.tokens()).equals(significantTokens(again.tokens()))
          && Fingerprint.of(TopologySyntax.model(tree), statementStarts(tree))
              .equals(Fingerprint.of(TopologySyntax.model(again), statementStarts(again)));
    }

    // ---- ranges ----

    Optional<Edit> rangeEdit(int from, int to) {
      // The innermost block whose inside holds the whole range, then its statements that the range touches.
      List<StatementContext> level = tree.root().statement();
      boolean deeper = true;
      while (deeper) {
        deeper = false;
        for (StatementContext s : level) {
          if (s.block() != null && s.block().LBRACE() != null && s.block().RBRACE() != null
              && s.block().LBRACE().getSymbol().getStopIndex() < from
              && to <= s.block().RBRACE().getSymbol().getStartIndex()) {
            level = s.block().statement();
            deeper = true;
            break;
          }
        }
      }
      int regionStart = from;
      int regionEnd = to;
      for (StatementContext s : level) {
        int start = s.getStart().getStartIndex();
        int end = s.getStop().getStopIndex() + 1;
        if (!isLoneSemi(s) && start <= to && from <= end) {
          regionStart = Math.min(regionStart, start);
          regionEnd = Math.max(regionEnd, end);
        }
      }
      int a = -1;
      int b = -1;
      for (int i = 0; i < items.size(); i++) {
        Token t = items.get(i);
        if (t.getStartIndex() < regionEnd && t.getStopIndex() + 1 > regionStart
            || regionStart == regionEnd && t.getStartIndex() <= regionStart && regionStart <= t.getStopIndex() + 1) {
          if (a < 0) {
            a = i;
          }
          b = i;
        }
      }
      if (a < 0) {
        return Optional.empty();
      }
      while (b + 1 < items.size() && isComment(items.get(b + 1)) && sameLineAsPreviousToken(items.get(b + 1))) {
        b++; // the comments at the end of the last statement's line go with it
      }
      int originalStart = a == 0 ? 0 : endOfTokenBefore(items.get(a));
      int formattedStart = a == 0 ? 0 : sepAt[a];
      int originalEnd;
      int formattedEnd;
      if (b == items.size() - 1) {
        originalEnd = text.length();
        formattedEnd = out.length();
      } else {
        originalEnd = endWithSemicolons(items.get(b), items.get(b + 1));
        formattedEnd = endAt[b];
      }
      return minimal(text, originalStart, originalEnd, out.toString(), formattedStart, formattedEnd);
    }

    private int endOfTokenBefore(Token item) {
      for (int k = item.getTokenIndex() - 1; k >= 0; k--) {
        Token t = tree.tokens().get(k);
        if (t.getType() != TopologyLexer.WS) {
          return t.getStopIndex() + 1;
        }
      }
      return 0;
    }

    /** The end of an item and of the {@code ;} after it, when nothing else follows on their line. */
    private int endWithSemicolons(Token item, Token next) {
      int end = item.getStopIndex() + 1;
      int candidate = end;
      for (int k = item.getTokenIndex() + 1; k < next.getTokenIndex(); k++) {
        Token t = tree.tokens().get(k);
        if (t.getType() == TopologyLexer.SEMI) {
          candidate = t.getStopIndex() + 1;
        }
      }
      return candidate > end && lines.line(next.getStartIndex()) > lines.line(candidate - 1) ? candidate : end;
    }
  }
}
