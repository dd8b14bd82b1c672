package dev.topo.cli;

import dev.topo.diagram.Drawing;
import dev.topo.diagram.MermaidWriter;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/**
 * A check run as Markdown for a CI job's summary page ({@code $GITHUB_STEP_SUMMARY}): the
 * counts, a Mermaid picture of the checked programs with their findings on it, and the
 * findings as a table linking each rule to its page. GitHub caps a summary at 1 MiB and
 * renders no Mermaid text over 50,000 characters, so both are bounded.
 */
final class JobSummary {
  /** GitHub's Mermaid renders no diagram longer than this. */
  static final int MAX_MERMAID = 50_000;
  /** Rows beyond this are counted, not listed: the table stays far below the 1 MiB cap. */
  static final int MAX_ROWS = 500;

  private JobSummary() {}

  /** The checked programs as Mermaid, with every finding of the run on its box. */
  static Optional<String> picture(CheckRun.Checked checked) {
    List<Program> programs = DiagramCommand.roots(checked.given());
    return Drawing.unlaid(programs, checked.findings(), Optional.empty()).map(MermaidWriter::of);
  }

  /** @param mermaid the picture of the checked programs, when there is one to draw */
  static String markdown(Report report, Optional<String> mermaid) {
    return markdown(report, mermaid, KnowledgeBase.FALLBACK, Optional.empty());
  }

  /**
   * The summary in a language ("en", "ko"): its headings and messages; rule ids and severities stay as they are.
   *
   * @param docs where the docs are published, to link each rule to its page; none when empty
   */
  static String markdown(Report report, Optional<String> mermaid, String language, Optional<String> docs) {
    StringBuilder out = new StringBuilder("## topo: ").append(TextFormat.summary(report).text(language)).append("\n\n");
    mermaid.ifPresent(m -> {
      if (m.length() <= MAX_MERMAID) {
        out.append("```mermaid\n").append(m).append(m.endsWith("\n") ? "" : "\n").append("```\n\n");
      } else {
        out.append("_").append(Message.of("summary.too-large", m.length(), MAX_MERMAID).text(language)).append("_\n\n");
      }
    });
    if (report.entries().isEmpty()) {
      return out.toString();
    }
    out.append(Message.of("summary.table").text(language)).append("\n| --- | --- | --- | --- |\n");
    report.entries().stream().limit(MAX_ROWS).forEach(e -> out.append("| ").append(e.severity().word())
        .append(" | ").append(ruleLink(e.rule().id(), docs)).append(" | `")
        .append(TextFormat.position(e.location())).append("` | ").append(cell(e.message(language))).append(" |\n"));
    if (report.entries().size() > MAX_ROWS) {
      out.append("\n_").append(Message.of("summary.more", report.entries().size() - MAX_ROWS).text(language)).append("_\n");
    }
    return out.toString();
  }

  /** The rule's id, linked to its page when the docs have an address. */
  private static String ruleLink(String ruleId, Optional<String> docs) {
    return KnowledgeBase.rulePage(docs, ruleId).map(page -> "[" + ruleId + "](" + page + ")").orElse("`" + ruleId + "`");
  }

  /** A message as one table cell: no line breaks, pipes escaped, HTML not taken as markup. */
  private static String cell(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
        .replace("\r", " ").replace("\n", " ");
  }
}
