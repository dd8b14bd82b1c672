package dev.topo.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One explanation: of a concept of the language (a keyword) or of a rule, in one language.
 *
 * @param markdown the whole entry as written, title included
 * @param snippets the topology snippets it shows; for a rule, "before" then "after"
 */
public record Entry(String id, Kind kind, String language, String title, String summary, String markdown,
    List<String> snippets) {

  public enum Kind { CONCEPT, RULE }

  /** The entry without its title line, for places that show their own heading. */
  public String body() {
    int firstBreak = markdown.indexOf('\n');
    return firstBreak < 0 ? "" : markdown.substring(firstBreak + 1).strip();
  }

  /**
   * The first paragraph after the summary that is not a heading: what SARIF calls the full
   * description. In a rule page it is the first paragraph of "why it matters".
   */
  public String description() {
    for (String paragraph : body().substring(summary.length()).strip().split("\n\n")) {
      String text = paragraph.strip();
      while (text.startsWith("#")) {
        int lineEnd = text.indexOf('\n');
        text = lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip();
      }
      if (!text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  /** A section of a rule page, in the entry's language; empty when the entry has none. */
  public Optional<String> section(RuleSection section) {
    return section(section.heading(language));
  }

  /**
   * The text under a "## " heading (the heading as written, without "## "), up to the next
   * such heading; empty when the entry has no such section.
   */
  public Optional<String> section(String heading) {
    String start = "\n## " + heading + "\n";
    int at = markdown.indexOf(start);
    if (at < 0) {
      return Optional.empty();
    }
    int from = at + start.length();
    int next = nextHeading(from);
    return Optional.of(markdown.substring(from, next).strip());
  }

  /** Where the next "## " heading outside a code block starts, else the end. */
  private int nextHeading(int from) {
    boolean inCode = false;
    int lineStart = from;
    while (lineStart < markdown.length()) {
      int lineEnd = markdown.indexOf('\n', lineStart);
      String line = markdown.substring(lineStart, lineEnd < 0 ? markdown.length() : lineEnd);
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode && line.startsWith("## ")) {
        return lineStart;
      }
      if (lineEnd < 0) {
        break;
      }
      lineStart = lineEnd + 1;
    }
    return markdown.length();
  }
}
