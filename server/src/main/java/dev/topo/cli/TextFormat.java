package dev.topo.cli;

import dev.topo.check.Severity;
import dev.topo.check.Words;
import dev.topo.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code file:line:col: severity [rule-id] message}, as compilers and linters print, so
 * that editors and terminals make it clickable; related places follow as indented notes,
 * and with {@code --explain} a line of help from the knowledge base.
 */
final class TextFormat implements ReportFormat.Renderer {
  @Override
  public String render(Report report, ReportFormat.Options options) {
    StringBuilder out = new StringBuilder();
    for (Report.Entry e : report.entries()) {
      out.append(position(e.location())).append(": ").append(e.severity().word())
          .append(" [").append(e.rule().id()).append("] ").append(e.message()).append('\n');
      for (Report.Note note : e.related()) {
        out.append("    ").append(position(note.location())).append(": note: ").append(note.message()).append('\n');
      }
      if (options.explain()) {
        KnowledgeBase.get().rule(e.rule(), options.language()).ifPresent(entry -> out.append("    help: ")
            .append(entry.summary()).append(" (topo explain ").append(e.rule().id()).append(")\n"));
      }
    }
    out.append(summary(report)).append('\n');
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
