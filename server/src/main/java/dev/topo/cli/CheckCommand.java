package dev.topo.cli;

import dev.topo.check.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code topo check}: the linter for CI and terminals. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks topology files and everything they import.",
        "Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, 2 for usage or I/O errors."})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  Inputs inputs;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json, sarif or github (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
      description = "error, warning or info: the least serious finding that makes the exit status 1 (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--explain", description = "After each finding, a line on the concept behind it (text format).")
  boolean explain;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG",
      description = "The language of explanations: en or ko (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Also append a Markdown summary (counts, a Mermaid picture, the findings table) to FILE,"
          + " e.g. \"$GITHUB_STEP_SUMMARY\".")
  Path summary;

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  @Override
  public Integer call() {
    ReportFormat reportFormat = parseFormat();
    Severity threshold = Severity.fromWord(failOn).orElseThrow(() -> new Main.UserError(
        "--fail-on takes error, warning or info, not '" + failOn + "'"));
    CheckRun.Checked checked = inputs.check(main.workingDirectory());
    Report report = checked.report();
    if (summary != null) {
      appendSummary(main.workingDirectory().resolve(summary), JobSummary.markdown(report, JobSummary.picture(checked)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(reportFormat.render(report, new ReportFormat.Options(ExplainCommand.language(lang), explain)));
    out.flush();
    return report.hasAtLeast(threshold) ? Main.FOUND : Main.CLEAN;
  }

  /** Appended, not written: the steps of a GitHub job share one summary file. */
  private static void appendSummary(Path file, String markdown) {
    try {
      Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new Main.UserError("cannot write the summary " + file + ": " + e.getMessage());
    }
  }

  private ReportFormat parseFormat() {
    for (ReportFormat f : ReportFormat.values()) {
      if (f.toString().equals(format)) {
        return f;
      }
    }
    throw new Main.UserError("--format takes text, json, sarif or github, not '" + format + "'");
  }
}
