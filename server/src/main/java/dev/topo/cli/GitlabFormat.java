package dev.topo.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.topo.check.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab Code Quality: the part of the CodeClimate format GitLab reads ({@code description},
 * {@code check_name}, {@code fingerprint}, {@code severity}, {@code location.path},
 * {@code location.lines.begin}), as a JSON array to publish as a {@code codequality} report.
 */
final class GitlabFormat implements ReportFormat.Renderer {
  @Override
  public String render(Report report, ReportFormat.Options options) {
    JsonArray issues = new JsonArray();
    Map<String, Integer> seen = new HashMap<>();
    for (Report.Entry e : report.entries()) {
      JsonObject issue = new JsonObject();
      issue.addProperty("description", e.message(options.language()));
      issue.addProperty("check_name", e.rule().id());
      String identity = String.join("\n", e.rule().id(), e.location().path(), e.entity(), e.message());
      issue.addProperty("fingerprint", fingerprint(identity, seen.merge(identity, 1, Integer::sum) - 1));
      issue.addProperty("severity", severity(e.severity()));
      JsonObject lines = new JsonObject();
      lines.addProperty("begin", e.location().line());
      lines.addProperty("end", e.location().endLine());
      JsonObject location = new JsonObject();
      location.addProperty("path", e.location().path());
      location.add("lines", lines);
      issue.add("location", location);
      issues.add(issue);
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(issues) + "\n";
  }

  /**
   * What GitLab compares between the target branch and the merge request to tell new
   * findings from fixed ones: the rule, the file, the entity and the message, not the line,
   * so that edits elsewhere in the file keep it; the n-th of several identical findings in
   * one entity adds n, so that they stay distinct.
   */
  static String fingerprint(String identity, int occurrence) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String text = occurrence == 0 ? identity : identity + "\n" + occurrence;
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** As eslint-formatter-gitlab maps ESLint's: critical and blocker are left for worse than a linter finds. */
  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "major";
      case WARNING -> "minor";
      case INFO -> "info";
    };
  }
}
