package dev.topo.maven;

import java.util.regex.Pattern;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes the text report to Maven's log, each finding at its own level (so that errors read
 * as {@code [ERROR]} and warnings as {@code [WARNING]}, as the compiler's do), the source
 * excerpt under a finding at the finding's level, and anything else as information.
 */
final class BuildLog {
  /** A finding's first line: {@code path:line:column: severity [rule] message}. */
  private static final Pattern FINDING = Pattern.compile("^.+:\\d+:\\d+: (error|warning|info) \\[[^\\]]+\\] .*");

  /** How a line is logged. */
  enum Level { ERROR, WARNING, INFO }

  private final Log log;
  private Level current = Level.INFO;

  BuildLog(Log log) {
    this.log = log;
  }

  /** The level of a line, given the level of the line before it (a finding's excerpt follows it). */
  static Level levelOf(String line, Level previous) {
    var finding = FINDING.matcher(line);
    if (finding.matches()) {
      return switch (finding.group(1)) {
        case "error" -> Level.ERROR;
        case "warning" -> Level.WARNING;
        default -> Level.INFO;
      };
    }
    return line.startsWith(" ") ? previous : Level.INFO;
  }

  void write(String report) {
    for (String line : report.split("\\R")) {
      if (line.isBlank()) {
        continue; // the report's separators; Maven's log prefixes make them noise
      }
      current = levelOf(line, current);
      switch (current) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        default -> log.info(line);
      }
    }
  }
}
