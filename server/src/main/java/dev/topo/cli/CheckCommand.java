package dev.topo.cli;

import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.rules.Rules;
import dev.topo.model.LineMap;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.workspace.FileSystemSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code topo check}: the linter for CI and terminals. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks topology files and everything they import.",
        "Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, 2 for usage or I/O errors."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files to check; a directory means every .topo file below it.")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json, sarif or github (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--config", paramLabel = "FILE", description = "The configuration (default: .topo.json in the root, if any).")
  Path config;

  @Option(names = "--root", paramLabel = "DIR", description = "The workspace root, which imports may not leave (default: the current directory).")
  Path root;

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

  @Override
  public Integer call() {
    ReportFormat reportFormat = parseFormat();
    Severity threshold = Severity.fromWord(failOn).orElseThrow(() -> new Main.UserError(
        "--fail-on takes error, warning or info, not '" + failOn + "'"));
    Path workspace = (root == null ? Path.of("") : root).toAbsolutePath().normalize();
    if (!Files.isDirectory(workspace)) {
      throw new Main.UserError("the root " + workspace + " is not a directory");
    }
    List<Path> files = collect(paths);
    List<Finding> configFindings = new ArrayList<>();
    Config settings = loadConfig(workspace, configFindings);
    Map<URI, LineMap> configLines = configPath(workspace) == null ? Map.of()
        : Map.of(configPath(workspace).toUri(), LineMap.of(readConfigText(configPath(workspace))));
    CheckRun run = new CheckRun(new FileSystemSources(), workspace, new Checker(Rules.all(), settings));
    Report report = run.run(files, configFindings, configLines);
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

  /** The given files, and the .topo files below the given directories, in a stable order. */
  static List<Path> collect(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          List<Path> found = walk.filter(p -> p.toString().endsWith(".topo") && Files.isRegularFile(p)).sorted().toList();
          if (found.isEmpty()) {
            throw new Main.UserError("no .topo files in " + path);
          }
          files.addAll(found);
        } catch (IOException | java.io.UncheckedIOException e) {
          throw new Main.UserError("cannot read the directory " + path + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(path)) {
        if (!Files.isReadable(path)) {
          throw new Main.UserError("cannot read " + path);
        }
        files.add(path);
      } else {
        throw new Main.UserError("no such file or directory: " + path);
      }
    }
    return files;
  }

  private Path configPath(Path workspace) {
    if (config != null) {
      return config.toAbsolutePath().normalize();
    }
    Path implicit = workspace.resolve(Config.FILE_NAME);
    return Files.isRegularFile(implicit) ? implicit : null;
  }

  private Config loadConfig(Path workspace, List<Finding> findings) {
    Path path = configPath(workspace);
    if (path == null) {
      return Config.DEFAULT;
    }
    try {
      Config.Loaded loaded = Config.parse(path.toUri(), readConfigText(path), Rules.ids());
      Rule invalidValue = Rules.of(ProblemCode.INVALID_VALUE);
      Severity severity = loaded.config().severity(invalidValue).orElse(null);
      if (severity != null) {
        for (Problem p : loaded.problems()) {
          findings.add(new Finding(invalidValue, severity, p.message(), p.span(), p.related()));
        }
      }
      return loaded.config();
    } catch (Config.ConfigException e) {
      throw new Main.UserError("bad configuration " + path + ": " + e.getMessage());
    }
  }

  private static String readConfigText(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new Main.UserError("cannot read the configuration " + path);
    }
  }
}
