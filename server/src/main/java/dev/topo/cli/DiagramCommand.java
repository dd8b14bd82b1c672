package dev.topo.cli;

import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Cancellation;
import dev.topo.diagram.Diagram;
import dev.topo.diagram.Drawing;
import dev.topo.model.FileModel;
import dev.topo.workspace.Program;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code topo diagram}: the checked programs as a picture with their findings on it. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
    description = {"Draws topology files and everything they import: nested boxes for what runs inside what, edges from"
        + " clusters to their nodes, each box coloured by its worst finding.",
        "Exit status: 0 when the diagram was written (whatever it shows), 2 for usage or I/O errors."})
final class DiagramCommand implements Callable<Integer> {
  @Mixin
  Inputs inputs;

  @Option(names = "--format", defaultValue = "svg", paramLabel = "FORMAT",
      description = "svg, mermaid, dot or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the diagram (default: standard output).")
  Path output;

  @Option(names = "--focus", paramLabel = "NAME", description = "Draw only this host or cluster and what it touches.")
  String focus;

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  @Override
  public Integer call() {
    DiagramFormat diagramFormat = DiagramFormat.of(format);
    CheckRun.Checked checked = inputs.check(main.workingDirectory());
    List<Program> programs = roots(checked.given());
    Optional<String> focused = Optional.ofNullable(focus);
    Optional<Diagram> drawn = diagramFormat.laidOut() ? Drawing.of(programs, checked.findings(), focused, Cancellation.NONE)
        : Drawing.unlaid(programs, checked.findings(), focused);
    Diagram diagram = drawn.orElseThrow(() ->
        new Main.UserError("no host or cluster is named '" + focus + "'; the top level has: " + topLevelNames(programs)));
    String text = diagramFormat.render(diagram);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      write(main.workingDirectory().resolve(output), text);
    }
    return Main.CLEAN;
  }

  /** The programs of the files given, less those that another given file imports (they are drawn inside it). */
  static List<Program> roots(List<Analysis> given) {
    Set<URI> imported = new HashSet<>();
    for (Analysis analysis : given) {
      Program program = analysis.program();
      program.files().stream().map(FileModel::uri).filter(u -> !u.equals(program.root().uri())).forEach(imported::add);
    }
    return given.stream().map(Analysis::program).filter(p -> !imported.contains(p.root().uri())).toList();
  }

  private static String topLevelNames(List<Program> programs) {
    String names = programs.stream().flatMap(p -> p.declarations().stream()).map(e -> e.name().text()).distinct()
        .collect(Collectors.joining(", "));
    return names.isEmpty() ? "nothing" : names;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Main.UserError("cannot write " + file + ": " + e.getMessage());
    }
  }
}
