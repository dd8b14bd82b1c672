package dev.topo.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code topo check} command line a plugin configuration stands for. Kept apart from the
 * mojo so that the mapping from configuration to command is plain data that a test can read.
 */
record CheckArguments(List<Path> paths, FailOn failOn, List<String> formats, Path outputDirectory,
    Optional<Path> config, Optional<Path> baseline, String lang) {

  /** Where each report format goes in the output directory; {@code github} needs a runner, not a file. */
  static final Map<String, String> REPORT_FILES = Map.of(
      "text", "topo.txt",
      "json", "topo.json",
      "sarif", "topo.sarif",
      "junit", "TEST-topo.xml",
      "checkstyle", "checkstyle-topo.xml",
      "gitlab", "gl-code-quality-report.json");

  /** The least serious finding that fails the build; {@code never} only reports. */
  enum FailOn {
    ERROR, WARNING, INFO, NEVER;

    static FailOn parse(String text) throws IllegalArgumentException {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failOn is '" + text + "'; it must be error, warning, info or never");
      }
    }

    /** The CLI's {@code --fail-on}: with {@code never} the exit status is ignored, so any will do. */
    String cliValue() {
      return this == NEVER ? "error" : name().toLowerCase(Locale.ROOT);
    }
  }

  CheckArguments {
    for (String format : formats) {
      if (!REPORT_FILES.containsKey(format)) {
        throw new IllegalArgumentException("format '" + format + "' is not one of " + String.join(", ",
            REPORT_FILES.keySet().stream().sorted().toList()));
      }
    }
  }

  /** The report files this run writes, by format. */
  List<Path> reportFiles() {
    return formats.stream().map(f -> outputDirectory.resolve(REPORT_FILES.get(f))).toList();
  }

  /** The command line: the text report to standard output (for the build log), the others to files. */
  String[] commandLine() {
    List<String> line = new ArrayList<>(List.of("check", "--color", "never", "--fail-on", failOn.cliValue(), "--lang", lang,
        "--format", "text"));
    for (String format : formats) {
      line.add("--format");
      line.add(format + "=" + outputDirectory.resolve(REPORT_FILES.get(format)));
    }
    config.ifPresent(c -> line.addAll(List.of("--config", c.toString())));
    baseline.ifPresent(b -> line.addAll(List.of("--baseline", b.toString())));
    paths.forEach(p -> line.add(p.toString()));
    return line.toArray(String[]::new);
  }
}
