package dev.topo.cli;

import dev.topo.workspace.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code topo import}: Kubernetes manifests or a Compose file written out as an equivalent, formatted {@code .topo} file. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Writes Kubernetes manifests (k8s) or a Compose file (compose) as a formatted .topo file: each entity"
        + " with a comment naming the file and line it came from, and a closing comment counting what was skipped.",
        "Several Kubernetes files (or a directory of them) become one cluster; Compose takes one file.",
        "Exit status: 0 when the file was written, 2 for usage or I/O errors."})
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FORMAT", description = "k8s or compose.")
  String format;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "YAML files, or directories of them.")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the .topo file (default: standard output).")
  Path output;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

  @Mixin
  ManifestOptions manifests;

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  @Override
  public Integer call() {
    Importer.Format wanted = Importer.Format.named(format)
        .orElseThrow(() -> new Main.UserError("unknown format '" + format + "': say k8s or compose"));
    if (wanted == Importer.Format.KUBERNETES ? manifests.saysHost() : manifests.cluster != null) {
      throw new Main.UserError(wanted == Importer.Format.KUBERNETES ? "--host options are for compose; name a k8s import's"
          + " cluster with --cluster" : "--cluster is for k8s; name a compose import's host with --host");
    }
    Path target = output == null ? null : main.workingDirectory().resolve(output);
    if (target != null && Files.exists(target) && !force) {
      throw new Main.UserError(output + " exists; give --force to overwrite it");
    }
    Importer.Imported imported;
    try {
      imported = Importer.run(sources(wanted),
          new Importer.Options(wanted, manifests.defaults()));
    } catch (Importer.Refused e) {
      throw new Main.UserError(e.getMessage());
    }
    // Said on standard error first: the .topo file then says it again where checked.
    PrintWriter err = spec.commandLine().getErr();
    imported.warnings().forEach(warning -> err.println("topo: " + warning));
    err.flush();
    if (target == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(imported.text());
      out.flush();
    } else {
      try {
        Files.writeString(target, imported.text(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Main.UserError("cannot write " + output + ": " + e.getMessage());
      }
    }
    return Main.CLEAN;
  }

  /** The files named, a directory's YAML files of the format wanted (the importer refuses a file named that is not of it). */
  private List<Importer.Source> sources(Importer.Format wanted) {
    List<Importer.Source> sources = new ArrayList<>();
    for (Path given : paths) {
      Path path = main.workingDirectory().resolve(given);
      if (Files.isDirectory(path)) {
        List<Importer.Source> found = directory(path, given).stream()
            .filter(s -> Importer.Format.of(s.text()).orElse(null) == wanted).toList();
        if (found.isEmpty()) {
          throw new Main.UserError("no " + wanted.description() + " in " + given);
        }
        sources.addAll(found);
      } else {
        sources.add(new Importer.Source(path.toUri(), given.toString(), read(path, given)));
      }
    }
    return sources;
  }

  private static List<Importer.Source> directory(Path path, Path given) {
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(p -> Files.isRegularFile(p) && Importer.isYaml(p.toUri())).sorted()
          .map(p -> new Importer.Source(p.toUri(), given.resolve(p.getFileName()).toString(), read(p, given.resolve(p.getFileName()))))
          .toList();
    } catch (IOException e) {
      throw new Main.UserError("cannot read the directory " + given + ": " + e.getMessage());
    }
  }

  private static String read(Path path, Path given) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Main.UserError(Files.exists(path) ? "cannot read " + given : "no such file or directory: " + given);
    }
  }
}
