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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
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

  @Option(names = "--config", paramLabel = "FILE", description = "The configuration (default: .topo.json in each PATH's root, if any).")
  Path config;

  @Option(names = "--root", paramLabel = "DIR", description = "The workspace root, which imports may not leave (default, for each PATH:"
      + " the nearest folder at or above it that holds .topo.json or .git; else the current directory if PATH is below it;"
      + " else PATH's own folder).")
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

  @ParentCommand
  Main main;

  /** A configuration file's checker, the problems found in it as findings, and its lines. */
  private record LoadedConfig(Checker checker, List<Finding> findings, LineMap lines) {}

  /** The configurations read so far, by file, so that PATHs sharing one read it once. */
  private final Map<Path, LoadedConfig> configs = new HashMap<>();
  private final Checker defaultChecker = new Checker(Rules.all(), Config.DEFAULT);

  @Override
  public Integer call() {
    ReportFormat reportFormat = parseFormat();
    Severity threshold = Severity.fromWord(failOn).orElseThrow(() -> new Main.UserError(
        "--fail-on takes error, warning or info, not '" + failOn + "'"));
    Path here = main.workingDirectory();
    Path explicitRoot = root == null ? null : here.resolve(root).normalize();
    if (explicitRoot != null && !Files.isDirectory(explicitRoot)) {
      throw new Main.UserError("the root " + explicitRoot + " is not a directory");
    }
    WorkspaceFinder finder = new WorkspaceFinder(here, explicitRoot, config == null ? null : here.resolve(config).normalize());
    List<CheckRun.Target> targets = new ArrayList<>();
    for (Path path : paths) {
      Path absolute = here.resolve(path).normalize();
      List<Path> files = collect(path, absolute);
      WorkspaceFinder.Workspace workspace = finder.find(absolute);
      Checker checker = workspace.config().map(this::load).map(LoadedConfig::checker).orElse(defaultChecker);
      for (Path file : files) {
        targets.add(new CheckRun.Target(file, workspace.root(), checker));
      }
    }
    List<Finding> configFindings = new ArrayList<>();
    Map<URI, LineMap> configLines = new HashMap<>();
    configs.forEach((path, loaded) -> {
      configFindings.addAll(loaded.findings());
      configLines.put(path.toUri(), loaded.lines());
    });
    // Paths are shown as the user named the place: relative to --root, else to here.
    CheckRun run = new CheckRun(new FileSystemSources(), explicitRoot != null ? explicitRoot : here);
    Report report = run.run(targets, configFindings, configLines);
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
      files.addAll(collect(path, path));
    }
    return files;
  }

  /** A path as given (for messages) and as found from the working directory. */
  private static List<Path> collect(Path given, Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        List<Path> found = walk.filter(p -> p.toString().endsWith(".topo") && Files.isRegularFile(p)).sorted().toList();
        if (found.isEmpty()) {
          throw new Main.UserError("no .topo files in " + given);
        }
        return found;
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new Main.UserError("cannot read the directory " + given + ": " + e.getMessage());
      }
    }
    if (Files.isRegularFile(path)) {
      if (!Files.isReadable(path)) {
        throw new Main.UserError("cannot read " + given);
      }
      return List.of(path);
    }
    throw new Main.UserError("no such file or directory: " + given);
  }

  /** A configuration file, read once however many PATHs it applies to. */
  private LoadedConfig load(Path path) {
    return configs.computeIfAbsent(path, CheckCommand::read);
  }

  private static LoadedConfig read(Path path) {
    String text = readConfigText(path);
    try {
      Config.Loaded loaded = Config.parse(path.toUri(), text, Rules.ids());
      List<Finding> findings = new ArrayList<>();
      Rule invalidValue = Rules.of(ProblemCode.INVALID_VALUE);
      Severity severity = loaded.config().severity(invalidValue).orElse(null);
      if (severity != null) {
        for (Problem p : loaded.problems()) {
          findings.add(new Finding(invalidValue, severity, p.message(), p.span(), p.related()));
        }
      }
      return new LoadedConfig(new Checker(Rules.all(), loaded.config()), findings, LineMap.of(text));
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
