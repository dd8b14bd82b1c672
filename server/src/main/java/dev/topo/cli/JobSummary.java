package dev.topo.cli;

import dev.topo.diagram.Drawing;
import dev.topo.diagram.MermaidWriter;
import dev.topo.knowledge.KnowledgeBase;
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
    StringBuilder out = new StringBuilder("## topo: ").append(TextFormat.summary(report).english()).append("\n\n");
    mermaid.ifPresent(m -> {
      if (m.length() <= MAX_MERMAID) {
        out.append("```mermaid\n").append(m).append(m.endsWith("\n") ? "" : "\n").append("```\n\n");
      } else {
        out.append("_The design is too large for a Mermaid picture here (").append(m.length())
            .append(" characters; GitHub draws up to ").append(MAX_MERMAID)
            .append("): `topo diagram --focus NAME` draws one host or cluster._\n\n");
      }
    });
    if (report.entries().isEmpty()) {
      return out.toString();
    }
    out.append("| | Rule | Where | Finding |\n| --- | --- | --- | --- |\n");
    report.entries().stream().limit(MAX_ROWS).forEach(e -> out.append("| ").append(e.severity().word())
        .append(" | [").append(e.rule().id()).append("](").append(KnowledgeBase.rulePage(e.rule().id())).append(") | `")
        .append(TextFormat.position(e.location())).append("` | ").append(cell(e.message())).append(" |\n"));
    if (report.entries().size() > MAX_ROWS) {
      out.append("\n_and ").append(report.entries().size() - MAX_ROWS).append(" more: `topo check` lists them all._\n");
    }
    return out.toString();
  }

  /** A message as one table cell: no line breaks, pipes escaped, HTML not taken as markup. */
  private static String cell(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
        .replace("\r", " ").replace("\n", " ");
  }
}
