package dev.topo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown as a terminal shows it, for {@code topo explain}: headings bold (underlined with
 * {@code =} or {@code -} when there is no colour), emphasis and inline code styled (code keeps
 * its backticks without colour, so that it still reads as something to type), fenced code
 * indented, list items with bullets, quotes behind a bar, links as {@code text (url)}, and
 * paragraphs wrapped to the width given, counting wide characters as two columns. It covers
 * the Markdown the knowledge base is written in, not all of CommonMark.
 */
final class TerminalMarkdown {
  private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*?)\\s*#*\\s*");
  private static final Pattern FENCE = Pattern.compile("\\s*(```|~~~).*");
  private static final Pattern ITEM = Pattern.compile("(\\s*)([-*+]|\\d{1,9}[.)])\\s+(.*)");
  private static final Pattern RULE = Pattern.compile("\\s*([-*_])(\\s*\\1){2,}\\s*");
  private static final String CODE_INDENT = "    ";

  private enum Kind { PLAIN, EMPHASIS, STRONG, CODE, URL }

  /** A run of text in one style. */
  private record Piece(String text, Kind kind) {}

  private final Style style;
  private final int width;

  TerminalMarkdown(Style style, int width) {
    this.style = style;
    this.width = Math.max(20, width);
  }

  String render(String markdown) {
    List<String> lines = SourceExcerpt.lines(markdown.strip());
    List<String> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher heading = HEADING.matcher(line);
      Matcher item = ITEM.matcher(line);
      if (line.isBlank()) {
        i++;
      } else if (FENCE.matcher(line).matches()) {
        String fence = line.strip().substring(0, 3);
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).strip().startsWith(fence); i++) {
          code.append(CODE_INDENT).append(style.cyan(sanitize(lines.get(i)))).append('\n');
        }
        i++; // the closing fence
        blocks.add(code.toString());
      } else if (heading.matches()) {
        blocks.add(heading(heading.group(1).length(), heading.group(2)));
        i++;
      } else if (RULE.matcher(line).matches()) {
        blocks.add(style.dim("─".repeat(Math.min(width, 40))) + "\n");
        i++;
      } else if (item.matches()) {
        // A list is one block: its items one after another, each wrapped under its own text.
        StringBuilder list = new StringBuilder();
        while (i < lines.size() && (item = ITEM.matcher(lines.get(i))).matches()) {
          StringBuilder text = new StringBuilder(item.group(3));
          for (i++; i < lines.size() && continues(lines.get(i)); i++) {
            text.append(' ').append(lines.get(i).strip());
          }
          String marker = item.group(2).matches("[-*+]") ? "•" : item.group(2);
          String lead = "  " + item.group(1) + marker + " ";
          list.append(wrap(lead, " ".repeat(Columns.of(lead)), text.toString()));
        }
        blocks.add(list.toString());
      } else if (line.stripLeading().startsWith(">")) {
        // A quote: its lines without their markers, wrapped behind a bar.
        StringBuilder text = new StringBuilder();
        for (; i < lines.size() && lines.get(i).stripLeading().startsWith(">"); i++) {
          text.append(' ').append(lines.get(i).stripLeading().substring(1).strip());
        }
        String bar = style.dim("  │ ");
        blocks.add(wrap(bar, bar, text.toString().strip()));
      } else {
        StringBuilder text = new StringBuilder(line.strip());
        for (i++; i < lines.size() && continues(lines.get(i)); i++) {
          text.append(' ').append(lines.get(i).strip());
        }
        blocks.add(wrap("", "", text.toString()));
      }
    }
    return String.join("\n", blocks);
  }

  /** Whether a line carries on the paragraph or item above it, rather than starting a block. */
  private static boolean continues(String line) {
    return !line.isBlank() && !line.stripLeading().startsWith(">") && !HEADING.matcher(line).matches()
        && !FENCE.matcher(line).matches() && !ITEM.matcher(line).matches() && !RULE.matcher(line).matches();
  }

  private String heading(int level, String text) {
    String shown = plain(inline(text));
    if (style.on()) {
      return (level == 1 ? style.underline(style.bold(shown)) : style.bold(shown)) + "\n";
    }
    return level > 2 ? shown + "\n" : shown + "\n" + (level == 1 ? "=" : "-").repeat(Columns.of(shown)) + "\n";
  }

  /** The text of a paragraph's words, wrapped: the first line after {@code first}, the others after {@code rest}. */
  private String wrap(String first, String rest, String markdown) {
    StringBuilder out = new StringBuilder(first);
    int indent = Columns.of(strip(first));
    int column = indent;
    boolean lineEmpty = true;
    for (List<Piece> word : words(inline(markdown))) {
      int w = Columns.of(plain(word));
      if (!lineEmpty && column + 1 + w > width) {
        out.append('\n').append(rest);
        column = Columns.of(strip(rest));
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        column++;
      }
      for (Piece p : word) {
        out.append(styled(p));
      }
      column += w;
      lineEmpty = false;
    }
    return out.append('\n').toString();
  }

  /** Splits pieces at the spaces of prose; inline code keeps its spaces, as it is one thing to type. */
  private static List<List<Piece>> words(List<Piece> pieces) {
    List<List<Piece>> words = new ArrayList<>();
    List<Piece> word = new ArrayList<>();
    for (Piece p : pieces) {
      if (p.kind() == Kind.CODE) {
        word.add(p);
        continue;
      }
      String[] parts = p.text().split(" ", -1);
      for (int k = 0; k < parts.length; k++) {
        if (k > 0 && !word.isEmpty()) {
          words.add(word);
          word = new ArrayList<>();
        }
        if (!parts[k].isEmpty()) {
          word.add(new Piece(parts[k], p.kind()));
        }
      }
    }
    if (!word.isEmpty()) {
      words.add(word);
    }
    return words;
  }

  private String styled(Piece p) {
    return switch (p.kind()) {
      case PLAIN -> p.text();
      case EMPHASIS -> style.italic(p.text());
      case STRONG -> style.bold(p.text());
      case CODE -> style.cyan(p.text());
      case URL -> style.underline(p.text());
    };
  }

  /** The pieces' text, without styles. */
  private static String plain(List<Piece> pieces) {
    StringBuilder s = new StringBuilder();
    pieces.forEach(p -> s.append(p.text()));
    return s.toString();
  }

  /**
   * Inline Markdown as styled pieces: `code`, **strong**, *emphasis* or _emphasis_ (an
   * underscore only at a word's edge, so that snake_case stays), [text](url), &lt;url&gt; and
   * backslash escapes.
   */
  private List<Piece> inline(String text) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close;
      if (c == '\\' && i + 1 < text.length() && "\\`*_[]()<>#+-.!".indexOf(text.charAt(i + 1)) >= 0) {
        plain.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '`' && (close = text.indexOf('`', i + 1)) > i) {
        flush(plain, pieces);
        String code = sanitize(text.substring(i + 1, close));
        pieces.add(new Piece(style.on() ? code : "`" + code + "`", Kind.CODE));
        i = close + 1;
      } else if (text.startsWith("**", i) && (close = text.indexOf("**", i + 2)) > i + 2) {
        flush(plain, pieces);
        pieces.addAll(styledAs(Kind.STRONG, inline(text.substring(i + 2, close))));
        i = close + 2;
      } else if ((c == '*' || c == '_' && atWordStart(text, i)) && (close = closing(text, i, c)) > i + 1) {
        flush(plain, pieces);
        pieces.addAll(styledAs(Kind.EMPHASIS, inline(text.substring(i + 1, close))));
        i = close + 1;
      } else if (c == '[' && (close = link(text, i)) > i) {
        flush(plain, pieces);
        int middle = text.indexOf("](", i);
        String label = text.substring(i + 1, middle);
        String url = text.substring(middle + 2, close);
        pieces.addAll(inline(label));
        if (!label.equals(url)) {
          pieces.add(new Piece(" (", Kind.PLAIN));
          pieces.add(new Piece(sanitize(url), Kind.URL));
          pieces.add(new Piece(")", Kind.PLAIN));
        }
        i = close + 1;
      } else if (c == '<' && (close = text.indexOf('>', i)) > i && text.substring(i + 1, close).matches("[a-z]+://\\S+")) {
        flush(plain, pieces);
        pieces.add(new Piece(sanitize(text.substring(i + 1, close)), Kind.URL));
        i = close + 1;
      } else {
        plain.append(c);
        i++;
      }
    }
    flush(plain, pieces);
    return pieces;
  }

  /** Emphasised pieces: their plain text takes the style, code and links keep theirs. */
  private static List<Piece> styledAs(Kind kind, List<Piece> pieces) {
    return pieces.stream().map(p -> p.kind() == Kind.PLAIN ? new Piece(p.text(), kind) : p).toList();
  }

  private static void flush(StringBuilder plain, List<Piece> pieces) {
    if (!plain.isEmpty()) {
      pieces.add(new Piece(sanitize(plain.toString()), Kind.PLAIN));
      plain.setLength(0);
    }
  }

  private static boolean atWordStart(String text, int i) {
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
  }

  /** Where an emphasis opened at {@code i} closes: the same marker at a word's end, or -1. */
  private static int closing(String text, int i, char marker) {
    if (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))) {
      return -1;
    }
    for (int j = i + 2; j < text.length(); j++) {
      if (text.charAt(j) == marker && !Character.isWhitespace(text.charAt(j - 1))
          && (marker == '*' || j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
        return j;
      }
    }
    return -1;
  }

  /** Where a link {@code [text](url)} starting at {@code i} ends (its closing parenthesis), or -1. */
  private static int link(String text, int i) {
    int middle = text.indexOf("](", i);
    if (middle < 0 || text.substring(i + 1, middle).contains("[")) {
      return -1;
    }
    return text.indexOf(')', middle + 2);
  }

  /** The visible part of a styled string. */
  private static String strip(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  /** Control characters from an entry never reach the terminal. */
  private static String sanitize(String s) {
    return s.replaceAll("[\\p{Cntrl}&&[^\t]]", "\uFFFD").replace("\t", "    ");
  }
}
