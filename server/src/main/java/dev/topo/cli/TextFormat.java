package dev.topo.cli;

import dev.topo.check.Severity;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
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
          .append(" [").append(e.rule().id()).append("] ").append(style.bold(e.message(options.language()))).append('\n');
      report.source(e.location().path()).ifPresent(text -> out.append(SourceExcerpt.of(
          lines.computeIfAbsent(e.location().path(), p -> SourceExcerpt.lines(text)), e.location(), e.severity(), style)));
      for (Report.Note note : e.related()) {
        out.append("    ").append(position(note.location())).append(": ").append(style.green("note:"))
            .append(' ').append(note.message(options.language())).append('\n');
      }
      if (options.explain()) {
        KnowledgeBase.get().rule(e.rule(), options.language()).ifPresent(entry -> out.append("    ")
            .append(style.green("help:")).append(' ').append(entry.summary())
            .append(" (topo explain ").append(e.rule().id()).append(")\n"));
      }
      out.append('\n');
    }
    out.append(style.bold(summary(report).text(options.language()))).append('\n');
    return out.toString();
  }

  static String position(PrintedSpan l) {
    return l.path() + ":" + l.line() + ":" + l.column();
  }

  /** "2 errors and 1 warning in 3 files", "no findings in 1 file". */
  static Message summary(Report report) {
    Message files = Message.count("summary.files", report.filesChecked());
    if (report.entries().isEmpty()) {
      return Message.of("summary.clean", files);
    }
    List<Message> counts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = report.count(s);
      if (n > 0) {
        counts.add(Message.count("summary." + s.word(), n));
      }
    }
    return Message.of("summary.found", Message.and(counts), files);
  }
}
