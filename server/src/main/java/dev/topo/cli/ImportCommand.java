package dev.topo.cli;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.model.Problem;
import dev.topo.syntax.Formatter;
import dev.topo.yaml.ComposeReader;
import dev.topo.yaml.KubernetesReader;
import dev.topo.yaml.Manifests;
import dev.topo.yaml.TopoWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

  @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster's name (k8s; default: the first file's folder).")
  String cluster;

  @Option(names = "--host", paramLabel = "NAME", description = "The host's name (compose; default: the file's folder).")
  String host;

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  /** A YAML file given, read. */
  private record Source(Path path, String shown, String text) {}

  @Override
  public Integer call() {
    Manifests.Format wanted = switch (format.toLowerCase(Locale.ROOT)) {
      case "k8s", "kubernetes" -> Manifests.Format.KUBERNETES;
      case "compose" -> Manifests.Format.COMPOSE;
      default -> throw new Main.UserError("unknown format '" + format + "': say k8s or compose");
    };
    if (wanted == Manifests.Format.KUBERNETES ? host != null : cluster != null) {
      throw new Main.UserError(wanted == Manifests.Format.KUBERNETES ? "--host is for compose; name a k8s import's cluster with --cluster"
          : "--cluster is for k8s; name a compose import's host with --host");
    }
    Path target = output == null ? null : main.workingDirectory().resolve(output);
    if (target != null && Files.exists(target) && !force) {
      throw new Main.UserError(output + " exists; give --force to overwrite it");
    }
    List<Source> sources = sources(wanted);
    String text = wanted == Manifests.Format.KUBERNETES ? kubernetes(sources) : compose(sources);
    String formatted = Formatter.format(text, Formatter.Options.DEFAULT).orElseGet(() -> {
      // Names and strings are written quoted where they must be; only a line break in one can still break the text.
      spec.commandLine().getErr().println("topo: the imported text could not be formatted (a name or value with a line"
          + " break?); written as it is");
      return text;
    });
    if (target == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(formatted);
      out.flush();
    } else {
      try {
        Files.writeString(target, formatted, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Main.UserError("cannot write " + output + ": " + e.getMessage());
      }
    }
    return Main.CLEAN;
  }

  /**
   * All the files as one multi-document text, so that every Node and workload is of one cluster (a
   * DaemonSet counts the nodes of every file, an owner in one file hides what it owns in another);
   * each offset is traced back to its file for the comments.
   */
  private String kubernetes(List<Source> sources) {
    StringBuilder all = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (Source source : sources) {
      if (!all.isEmpty()) {
        all.append("\n---\n");
      }
      starts.add(all.length());
      all.append(source.text());
    }
    String name = cluster != null ? cluster : Manifests.folderName(sources.get(0).path().toUri());
    KubernetesReader.Reading reading =
        KubernetesReader.read(sources.get(0).path().toUri(), all.toString(), new KubernetesReader.Options(name));
    IntFunction<String> origin = offset -> {
      int i = 0;
      while (i + 1 < starts.size() && starts.get(i + 1) <= offset) {
        i++;
      }
      Source source = sources.get(i);
      return source.shown() + ":" + (LineMap.of(source.text()).line(offset - starts.get(i)) + 1);
    };
    return written(reading.model(), reading.written(),
        reading.skipped().stream().map(KubernetesReader.Skipped::what).toList(), origin);
  }

  private String compose(List<Source> sources) {
    if (sources.size() > 1) {
      throw new Main.UserError("compose imports one file at a time; " + sources.size() + " were given");
    }
    Source source = sources.get(0);
    String name = host != null ? host : Manifests.folderName(source.path().toUri());
    ComposeReader.Reading reading = ComposeReader.read(source.path().toUri(), source.text(), ComposeReader.Options.host(name));
    LineMap lines = LineMap.of(source.text());
    return written(reading.model(), reading.written(),
        reading.skipped().stream().map(ComposeReader.Skipped::what).toList(),
        offset -> source.shown() + ":" + (lines.line(offset) + 1));
  }

  /** The text, after saying on standard error what could not be read (the .topo file then says it again where checked). */
  private String written(FileModel model, Map<Entity, List<String>> statements, List<String> skipped,
      IntFunction<String> origin) {
    PrintWriter err = spec.commandLine().getErr();
    for (Problem problem : model.problems()) {
      err.println("topo: " + origin.apply(problem.span().start()) + ": " + problem.message());
    }
    err.flush();
    return TopoWriter.write(model, statements, skipped, origin);
  }

  /** The files named, a directory's YAML files of the format wanted; a file named that is not of it is an error. */
  private List<Source> sources(Manifests.Format wanted) {
    List<Source> sources = new ArrayList<>();
    for (Path given : paths) {
      Path path = main.workingDirectory().resolve(given);
      if (Files.isDirectory(path)) {
        List<Source> found = directory(path, given).stream()
            .filter(s -> Manifests.format(s.text()).orElse(null) == wanted).toList();
        if (found.isEmpty()) {
          throw new Main.UserError("no " + describe(wanted) + " in " + given);
        }
        sources.addAll(found);
      } else {
        Source source = new Source(path, given.toString(), read(path, given));
        if (Manifests.format(source.text()).orElse(null) != wanted) {
          throw new Main.UserError(given + " is not a " + describe(wanted));
        }
        sources.add(source);
      }
    }
    return sources;
  }

  private static List<Source> directory(Path path, Path given) {
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(p -> Files.isRegularFile(p) && Manifests.isYaml(p.toUri())).sorted()
          .map(p -> new Source(p, given.resolve(p.getFileName()).toString(), read(p, given.resolve(p.getFileName()))))
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

  private static String describe(Manifests.Format format) {
    return format == Manifests.Format.KUBERNETES ? "Kubernetes manifest (apiVersion and kind)"
        : "Compose file (a services map)";
  }
}
