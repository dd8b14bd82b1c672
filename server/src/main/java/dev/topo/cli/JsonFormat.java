package dev.topo.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A JSON array with one object per finding; the fields are documented in docs/cli.md and
 * only ever added to, never renamed.
 */
final class JsonFormat implements ReportFormat.Renderer {
  @Override
  public String render(Report report, ReportFormat.Options options) {
    JsonArray findings = new JsonArray();
    for (Report.Entry e : report.entries()) {
      JsonObject finding = location(e.location());
      finding.addProperty("severity", e.severity().word());
      finding.addProperty("rule", e.rule().id());
      finding.addProperty("message", e.message(options.language()));
      JsonArray related = new JsonArray();
      for (Report.Note note : e.related()) {
        JsonObject r = location(note.location());
        r.addProperty("message", note.message(options.language()));
        related.add(r);
      }
      finding.add("related", related);
      findings.add(finding);
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(findings) + "\n";
  }

  private static JsonObject location(PrintedSpan l) {
    JsonObject o = new JsonObject();
    o.addProperty("file", l.path());
    o.addProperty("line", l.line());
    o.addProperty("column", l.column());
    o.addProperty("endLine", l.endLine());
    o.addProperty("endColumn", l.endColumn());
    return o;
  }
}
