package dev.topo.cli;

import dev.topo.check.Severity;
import java.io.PrintWriter;
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

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  @Override
  public Integer call() {
    ReportFormat reportFormat = parseFormat();
    Severity threshold = Severity.fromWord(failOn).orElseThrow(() -> new Main.UserError(
        "--fail-on takes error, warning or info, not '" + failOn + "'"));
    Report report = inputs.check(main.workingDirectory()).report();
    PrintWriter out = spec.commandLine().getOut();
    out.print(reportFormat.render(report, new ReportFormat.Options(ExplainCommand.language(lang), explain)));
    out.flush();
    return report.hasAtLeast(threshold) ? Main.FOUND : Main.CLEAN;
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
