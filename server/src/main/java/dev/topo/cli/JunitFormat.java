package dev.topo.cli;

import java.util.List;
import java.util.Map;

/**
 * JUnit XML, as Jenkins and GitLab test reports read it: one {@code testsuite} per file (as
 * ESLint, hadolint and tflint write theirs, so a team sees its files the way it fixes them),
 * a failed {@code testcase} per finding, and a passing one for each file with none, so that
 * clean files count as passed rather than vanishing. Every finding is a failure whatever its
 * severity, which the failure's {@code type} carries; {@code --fail-on} decides the exit
 * status, not this file.
 */
final class JunitFormat implements ReportFormat.Renderer {
  @Override
  public String render(Report report, ReportFormat.Options options) {
    Map<String, List<Report.Entry>> byFile = report.byFile();
    int tests = byFile.values().stream().mapToInt(found -> Math.max(1, found.size())).sum();
    StringBuilder out = new StringBuilder(Xml.DECLARATION);
    out.append("<testsuites name=\"topo\" tests=\"").append(tests).append("\" failures=\"")
        .append(report.entries().size()).append("\" errors=\"0\" time=\"0\">\n");
    byFile.forEach((file, found) -> {
      String name = Xml.attribute(file);
      out.append("  <testsuite name=\"").append(name).append("\" tests=\"").append(Math.max(1, found.size()))
          .append("\" failures=\"").append(found.size()).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
      if (found.isEmpty()) {
        out.append("    <testcase name=\"no findings\" classname=\"").append(name).append("\" time=\"0\"/>\n");
      }
      for (Report.Entry e : found) {
        PrintedSpan l = e.location();
        out.append("    <testcase name=\"").append(Xml.attribute(e.rule().id() + " at " + l.line() + ":" + l.column()))
            .append("\" classname=\"").append(name).append("\" time=\"0\">\n")
            .append("      <failure message=\"").append(Xml.attribute(e.message(options.language())))
            .append("\" type=\"").append(e.severity().word()).append("\">")
            .append(Xml.text(details(e, options.language()))).append("</failure>\n")
            .append("    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    });
    return out.append("</testsuites>\n").toString();
  }

  /** The finding as text output prints it, notes included: what a reader of the failure needs. */
  private static String details(Report.Entry e, String language) {
    StringBuilder s = new StringBuilder(TextFormat.position(e.location())).append(": ").append(e.severity().word())
        .append(" [").append(e.rule().id()).append("] ").append(e.message(language));
    for (Report.Note note : e.related()) {
      s.append("\n").append(TextFormat.position(note.location())).append(": note: ").append(note.message(language));
    }
    return s.toString();
  }
}
