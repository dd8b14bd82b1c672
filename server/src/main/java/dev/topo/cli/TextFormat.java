package dev.topo.cli;

import dev.topo.check.Severity;
import dev.topo.check.Words;
import dev.topo.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file:line:col: severity [rule-id] message}, as compilers and linters print, so
 * that editors and terminals make it clickable; then the line it is on with carets under
 * it, as rustc prints; related places follow as indented one-line notes (clickable too,
 * and short: they point at declarations, which the finding's excerpt does not need to
 * repeat), and with {@code --explain} a line of help from the knowledge base. A blank line
 * ends each finding. Coloured when the options say so.
 */
final class TextFormat implements ReportFormat.Renderer {
  @Override
  public String render(Report report, ReportFormat.Options options) {
    Style style = Style.of(options.color());
    Map<String, List<String>> lines = new HashMap<>();
    StringBuilder out = new StringBuilder();
    for (Report.Entry e : report.entries()) {
      out.append(style.bold(position(e.location()) + ":")).append(' ')
          .append(style.severity(e.severity(), e.severity().word()))
          .append(" [").append(e.rule().id()).append("] ").append(style.bold(e.message())).append('\n');
      report.source(e.location().path()).ifPresent(text -> out.append(SourceExcerpt.of(
          lines.computeIfAbsent(e.location().path(), p -> SourceExcerpt.lines(text)), e.location(), e.severity(), style)));
      for (Report.Note note : e.related()) {
        out.append("    ").append(position(note.location())).append(": ").append(style.green("note:"))
            .append(' ').append(note.message()).append('\n');
      }
      if (options.explain()) {
        KnowledgeBase.get().rule(e.rule(), options.language()).ifPresent(entry -> out.append("    ")
            .append(style.green("help:")).append(' ').append(entry.summary())
            .append(" (topo explain ").append(e.rule().id()).append(")\n"));
      }
      out.append('\n');
    }
    out.append(style.bold(summary(report))).append('\n');
    return out.toString();
  }

  static String position(PrintedSpan l) {
    return l.path() + ":" + l.line() + ":" + l.column();
  }

  static String summary(Report report) {
    String files = report.filesChecked() + (report.filesChecked() == 1 ? " file" : " files");
    if (report.entries().isEmpty()) {
      return "no findings in " + files;
    }
    List<String> counts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = report.count(s);
      if (n > 0) {
        counts.add(n + " " + s.word() + (n == 1 ? "" : "s"));
      }
    }
    return Words.and(counts) + " in " + files;
  }
}
