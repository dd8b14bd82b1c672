package dev.topo.cli;

import dev.topo.check.Severity;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull
 * request: {@code ::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message}.
 */
final class GithubFormat implements ReportFormat.Renderer {
  @Override
  public String render(Report report, ReportFormat.Options options) {
    StringBuilder out = new StringBuilder();
    for (Report.Entry e : report.entries()) {
      PrintedSpan l = e.location();
      out.append("::").append(command(e.severity()))
          .append(" file=").append(property(l.path()))
          .append(",line=").append(l.line())
          .append(",col=").append(l.column())
          .append(",endLine=").append(l.endLine())
          .append(",endColumn=").append(l.endColumn())
          .append(",title=").append(property("topo " + e.rule().id()))
          .append("::").append(data(e.message(options.language())))
          .append('\n');
    }
    return out.toString();
  }

  private static String command(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** Escapes a message as the runner expects. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value, where ':' and ',' also have meaning. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
