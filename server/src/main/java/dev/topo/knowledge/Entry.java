package dev.topo.knowledge;

import java.util.List;

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

  /** The first paragraph after the summary: what SARIF calls the full description. */
  public String description() {
    String afterSummary = body().substring(summary.length()).strip();
    int end = afterSummary.indexOf("\n\n");
    return (end < 0 ? afterSummary : afterSummary.substring(0, end)).strip();
  }
}
