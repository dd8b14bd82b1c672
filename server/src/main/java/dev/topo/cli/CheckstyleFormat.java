package dev.topo.cli;

import dev.topo.check.Severity;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, which Jenkins (warnings-ng), reviewdog, SonarQube and many CI tools import:
 * {@code <checkstyle version><file name><error line column severity message source/>}. Every
 * file checked is listed, with or without errors, as Checkstyle lists the files it audited.
 */
final class CheckstyleFormat implements ReportFormat.Renderer {
  /** The version of the format, as ESLint and hadolint write it. */
  static final String VERSION = "4.3";

  @Override
  public String render(Report report, ReportFormat.Options options) {
    Map<String, List<Report.Entry>> byFile = report.byFile();
    StringBuilder out = new StringBuilder(Xml.DECLARATION);
    out.append("<checkstyle version=\"").append(VERSION).append("\">\n");
    byFile.forEach((file, found) -> {
      out.append("  <file name=\"").append(Xml.attribute(file)).append("\"");
      if (found.isEmpty()) {
        out.append("/>\n");
        return;
      }
      out.append(">\n");
      for (Report.Entry e : found) {
        out.append("    <error line=\"").append(e.location().line())
            .append("\" column=\"").append(e.location().column())
            .append("\" severity=\"").append(severity(e.severity()))
            .append("\" message=\"").append(Xml.attribute(e.message(options.language())))
            .append("\" source=\"topo.").append(Xml.attribute(e.rule().id())).append("\"/>\n");
      }
      out.append("  </file>\n");
    });
    return out.append("</checkstyle>\n").toString();
  }

  /** Checkstyle's severities are ignore, info, warning and error. */
  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "info";
    };
  }
}
