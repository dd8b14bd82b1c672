package dev.topo.cli;

import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.rules.Rules;
import dev.topo.model.LineMap;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.workspace.FileSystemSources;
import dev.topo.yaml.Manifests;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the commands that check files share: the paths, the configuration and the root, and
 * how they become a checked set of programs ({@code topo check} reports it, {@code topo
 * diagram} draws it).
 */
final class Inputs {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files to check; a directory means every .topo file below it.")
  List<Path> paths;

  @Option(names = "--config", paramLabel = "FILE", description = "The configuration (default: .topo.json in each PATH's root, if any).")
  Path config;

  @Option(names = "--root", paramLabel = "DIR", description = "The workspace root, which imports may not leave (default, for each PATH:"
      + " the nearest folder at or above it that holds .topo.json or .git; else the current directory if PATH is below it;"
      + " else PATH's own folder).")
  Path root;

  @Mixin
  ManifestOptions manifests;

  /** A configuration file's checker, the problems found in it as findings, and its lines. */
  private record LoadedConfig(Config config, Checker checker, List<Finding> findings, LineMap lines) {}

  /** The configurations read so far, by file, so that PATHs sharing one read it once. */
  private final Map<Path, LoadedConfig> configs = new HashMap<>();
  private final Checker defaultChecker = new Checker(Rules.all(), Config.DEFAULT);

  /** Checks the paths, each in its workspace, as started in {@code here}. */
  CheckRun.Checked check(Path here) {
    Path explicitRoot = root == null ? null : here.resolve(root).normalize();
    if (explicitRoot != null && !Files.isDirectory(explicitRoot)) {
      throw new Main.UserError("the root " + explicitRoot + " is not a directory");
    }
    WorkspaceFinder finder = new WorkspaceFinder(here, explicitRoot, config == null ? null : here.resolve(config).normalize());
    List<CheckRun.Target> targets = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    for (Path path : paths) {
      Path absolute = here.resolve(path).normalize();
      boolean directory = Files.isDirectory(absolute);
      if (directory) {
        directories.add(absolute);
      }
      WorkspaceFinder.Workspace given = finder.find(absolute);
      for (Path file : collect(path, absolute, true)) {
        WorkspaceFinder.Workspace workspace = directory ? finder.find(file, given) : given;
        Optional<LoadedConfig> loaded = workspace.config().map(this::load);
        // A file named on the command line is checked whatever "exclude" says: naming it is asking for it.
        if (directory && loaded.filter(l -> l.config().excludes(file.toUri())).isPresent()) {
          continue;
        }
        targets.add(new CheckRun.Target(file, workspace.root(), loaded.map(LoadedConfig::checker).orElse(defaultChecker)));
      }
    }
    List<Finding> configFindings = new ArrayList<>();
    Map<URI, LineMap> configLines = new HashMap<>();
    configs.forEach((path, loaded) -> {
      configFindings.addAll(loaded.findings());
      configLines.put(path.toUri(), loaded.lines());
    });
    // Paths are shown as the user named the place: relative to --root, else to here.
    CheckRun run = new CheckRun(new FileSystemSources(), explicitRoot != null ? explicitRoot : here, manifests.defaults());
    CheckRun.Checked checked = run.check(targets, configFindings, configLines);
    return checked.with(unusedSuppressions(checked, directories));
  }

  /**
   * The configurations' suppressions that silenced nothing in the whole run. Only a run that
   * checked a configuration's whole folder (a directory given at or above it) can tell: with
   * some files named, a suppression may be for the others.
   */
  private List<Finding> unusedSuppressions(CheckRun.Checked checked, List<Path> directories) {
    List<Finding> unused = new ArrayList<>();
    configs.forEach((path, loaded) -> {
      if (directories.stream().anyMatch(d -> path.getParent().startsWith(d))) {
        unused.addAll(loaded.checker().unusedInConfiguration(checked.suppressionsUsed()));
      }
    });
    return unused;
  }

  /**
   * Whether a file found below a directory really is there: a symbolic link to a file
   * elsewhere is not, so a scan never reads outside the directories it was given.
   */
  private static boolean inside(Path file, Path realDirectory) {
    try {
      return file.toRealPath().startsWith(realDirectory);
    } catch (IOException e) {
      return false;
    }
  }

  /** The given files, and the .topo files below the given directories, in a stable order. */
  static List<Path> collect(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(collect(path, path, false));
    }
    return files;
  }

  /**
   * A path as given (for messages) and as found from the working directory.
   *
   * @param withYaml whether Kubernetes and Compose files count too: a YAML file named is taken
   *     as it is, and below a directory those whose content says they are one
   */
  private static List<Path> collect(Path given, Path path, boolean withYaml) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        Path real = path.toRealPath();
        List<Path> found = walk.filter(p -> Files.isRegularFile(p) && inside(p, real)
            && (p.toString().endsWith(".topo") || withYaml && isTopologyYaml(p))).sorted().toList();
        if (found.isEmpty()) {
          throw new Main.UserError("no .topo files" + (withYaml ? ", Kubernetes manifests or Compose files" : "") + " in " + given);
        }
        return found;
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new Main.UserError("cannot read the directory " + given + ": " + e.getMessage());
      }
    }
    if (!Files.exists(path)) {
      throw new Main.UserError(Message.of("error.no-such-file", given));
    }
    refuseUnreadable(path, given.toString(), MAX_INPUT_BYTES);
    if (!Files.isReadable(path)) {
      throw new Main.UserError("cannot read " + given);
    }
    return List.of(path);
  }

  /** Larger than any text the parser takes (four bytes a character at most), so certainly over its limit. */
  static final long MAX_INPUT_BYTES = FileSystemSources.MAX_BYTES;

  /**
   * Refuses, before a byte is read, what is not a regular file (a device such as /dev/zero, a
   * FIFO, whose reading would wait for a writer, a directory) or is larger than a limit.
   *
   * @param described the file as messages name it ("the configuration x.json")
   */
  static void refuseUnreadable(Path path, String described, long maxBytes) {
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new Main.UserError(described + " is not a regular file");
    }
    try {
      if (Files.size(path) > maxBytes) {
        throw new Main.UserError(described + " is larger than " + maxBytes / (1024 * 1024) + " MiB");
      }
    } catch (IOException e) {
      throw new Main.UserError("cannot read " + described);
    }
  }

  /** A YAML file below a directory that is a Kubernetes manifest or a Compose file (a CI workflow is neither). */
  private static boolean isTopologyYaml(Path file) {
    if (!Manifests.isYaml(file.toUri())) {
      return false;
    }
    try {
      return Manifests.format(Files.readString(file, StandardCharsets.UTF_8)).isPresent();
    } catch (IOException | RuntimeException e) {
      return false; // unreadable or not text: not one of ours
    }
  }

  /** A configuration file, read once however many PATHs it applies to. */
  private LoadedConfig load(Path path) {
    return configs.computeIfAbsent(path, Inputs::read);
  }

  private static LoadedConfig read(Path path) {
    String text = readConfigText(path);
    try {
      Config.Loaded loaded = Config.parse(path.toUri(), text, Rules.ids(), Rules.options());
      List<Finding> findings = new ArrayList<>();
      Rule invalidValue = Rules.of(ProblemCode.INVALID_VALUE);
      Severity severity = loaded.config().severity(invalidValue).orElse(null);
      if (severity != null) {
        for (Problem p : loaded.problems()) {
          findings.add(new Finding(invalidValue, severity, p.message(), p.span(), p.related()));
        }
      }
      return new LoadedConfig(loaded.config(), new Checker(Rules.all(), loaded.config()), findings, LineMap.of(text));
    } catch (Config.ConfigException e) {
      throw new Main.UserError("bad configuration " + path + ": " + e.getMessage());
    }
  }

  /** Far above any real configuration: a device such as /dev/zero or a runaway file is refused before it is read. */
  static final long MAX_CONFIG_BYTES = 4L * 1024 * 1024;

  private static String readConfigText(Path path) {
    refuseUnreadable(path, "the configuration " + path, MAX_CONFIG_BYTES);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new Main.UserError("cannot read the configuration " + path);
    }
  }

}
