package dev.topo.cli;

import dev.topo.check.Severity;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  @Option(names = "--format", paramLabel = "FORMAT[=FILE]",
      description = {"text, json, sarif, github, junit, checkstyle or gitlab (default: text). With =FILE the report"
          + " goes to FILE, else to standard output. Repeatable, for several reports in one run:"
          + " --format sarif=topo.sarif --format text; at most one may go to standard output."})
  List<String> formats = new ArrayList<>();

  @Mixin
  ColorOption color;

  @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
      description = "error, warning or info: the least serious finding that makes the exit status 1 (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--explain", description = "After each finding, a line on the concept behind it (text format).")
  boolean explain;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "The language of messages and explanations: en or ko (default: from LC_ALL, LC_MESSAGES or LANG,"
          + " else en).")
  String lang;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Also append a Markdown summary (counts, a Mermaid picture, the findings table) to FILE,"
          + " e.g. \"$GITHUB_STEP_SUMMARY\".")
  Path summary;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Report only the findings FILE does not hold (written by --write-baseline); its entries that match"
          + " nothing any more are listed on standard error.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Write today's findings to FILE, to adopt topo on an existing project, and report none of them.")
  Path writeBaseline;

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  /** A report to write: its format, and the file it goes to, or null for standard output. */
  record Output(ReportFormat format, Path file) {}

  @Override
  public Integer call() {
    List<Output> outputs = outputs();
    ColorChoice colors = color.choice();
    Severity threshold = Severity.fromWord(failOn).orElseThrow(() -> new Main.UserError(
        Message.of("error.fail-on", "'" + failOn + "'")));
    String language = ExplainCommand.language(lang, main.terminal());
    Optional<String> docs = KnowledgeBase.docs(main.terminal().environment()::get);
    if (baseline != null && writeBaseline != null) {
      throw new Main.UserError(Message.of("error.baselines"));
    }
    CheckRun.Checked checked = inputs.check(main.workingDirectory());
    Report report = SourceContext.report(checked);
    PrintWriter err = spec.commandLine().getErr();
    if (writeBaseline != null) {
      Path file = main.workingDirectory().resolve(writeBaseline);
      write(file, Baseline.write(report, checked.run().displayBase(), file));
      err.println("topo: wrote " + report.entries().size() + " findings to the baseline " + writeBaseline
          + "; check with --baseline " + writeBaseline + " to report only new ones");
      err.flush();
      report = report.withEntries(List.of());
    } else if (baseline != null) {
      Baseline.Applied applied = Baseline.read(main.workingDirectory().resolve(baseline))
          .apply(report, checked.run().displayBase());
      report = applied.report();
      if (!applied.stale().isEmpty()) {
        int stale = applied.stale().size();
        err.println("topo: " + stale + (stale == 1 ? " entry of the baseline " + baseline + " matches"
            : " entries of the baseline " + baseline + " match") + " no finding any more (fixed?); write it again with"
            + " --write-baseline to drop " + (stale == 1 ? "it:" : "them:"));
        applied.stale().forEach(key -> err.println("  " + key.describe()));
        err.flush();
      }
    }
    if (summary != null) {
      appendSummary(main.workingDirectory().resolve(summary),
          JobSummary.markdown(report, JobSummary.picture(checked), language, docs));
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Output output : outputs) {
      boolean colored = output.file() == null ? colors.forStandardOutput(main.terminal()) : colors.forFile();
      String rendered = output.format().render(report, new ReportFormat.Options(language, explain, colored, docs));
      if (output.file() == null) {
        out.print(rendered);
      } else {
        write(output.file(), rendered);
      }
    }
    out.flush();
    return report.hasAtLeast(threshold) ? Main.FOUND : Main.CLEAN;
  }

  /** The --format values, checked before anything is read so that a typo costs nothing. */
  private List<Output> outputs() {
    List<Output> outputs = new ArrayList<>();
    Set<Path> files = new HashSet<>();
    for (String value : formats.isEmpty() ? List.of("text") : formats) {
      int equals = value.indexOf('=');
      ReportFormat format = ReportFormat.named(equals < 0 ? value : value.substring(0, equals));
      Path file = null;
      if (equals >= 0) {
        String name = value.substring(equals + 1);
        if (name.isEmpty()) {
          throw new Main.UserError("--format " + value + " names no file: write " + format + "=FILE, or " + format
              + " alone for standard output");
        }
        file = main.workingDirectory().resolve(name).normalize();
        if (!files.add(file)) {
          throw new Main.UserError("two --format options write " + name + ": give each report its own file");
        }
      }
      outputs.add(new Output(format, file));
    }
    if (outputs.stream().filter(o -> o.file() == null).count() > 1) {
      throw new Main.UserError("at most one --format may go to standard output; send the others to files:"
          + " --format sarif=topo.sarif --format text");
    }
    return outputs;
  }

  private static void write(Path file, String report) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Main.UserError("cannot write the report " + file + ": " + e.getMessage());
    }
  }

  /** Appended, not written: the steps of a GitHub job share one summary file. */
  private static void appendSummary(Path file, String markdown) {
    try {
      Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new Main.UserError("cannot write the summary " + file + ": " + e.getMessage());
    }
  }
}
