package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.model.Problem;
import dev.topo.syntax.Formatter;
import dev.topo.yaml.ComposeReader;
import dev.topo.yaml.KubernetesReader;
import dev.topo.yaml.Manifests;
import dev.topo.yaml.Reading;
import dev.topo.yaml.TopoWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Kubernetes manifests or a Compose file written out as an equivalent, formatted {@code .topo}
 * text: what {@code topo import} prints and the editor's import command opens. It reads no
 * file: each face hands it the texts, and says the warnings its own way. It sits here because
 * it needs both the readers ({@code yaml}) and the formatter ({@code syntax}).
 */
public final class Importer {
  /**
   * A YAML text given.
   *
   * @param shown how the file is named in the comments and warnings ({@code k8s/nodes.yaml})
   */
  public record Source(URI uri, String shown, String text) {}

  /** What a YAML file holds, in the words of the faces ({@code k8s}, {@code compose}), which know nothing of the readers. */
  public enum Format {
    KUBERNETES("k8s", "Kubernetes manifest (apiVersion and kind)", Manifests.Format.KUBERNETES),
    COMPOSE("compose", "Compose file (a services map)", Manifests.Format.COMPOSE);

    private final String word;
    private final String description;
    private final Manifests.Format read;

    Format(String word, String description, Manifests.Format read) {
      this.word = word;
      this.description = description;
      this.read = read;
    }

    /** {@code k8s} or {@code compose}, as {@code topo import} takes it. */
    public String word() {
      return word;
    }

    /** {@code k8s} (or {@code kubernetes}) and {@code compose}, in any case. */
    public static Optional<Format> named(String word) {
      return switch (word.toLowerCase(Locale.ROOT)) {
        case "k8s", "kubernetes" -> Optional.of(KUBERNETES);
        case "compose" -> Optional.of(COMPOSE);
        default -> Optional.empty();
      };
    }

    /** What a YAML text holds, from its top-level keys; empty when it is neither (a CI workflow, say). */
    public static Optional<Format> of(String text) {
      return Manifests.format(text).map(found -> found == KUBERNETES.read ? KUBERNETES : COMPOSE);
    }

    /** As a refusal names it: "Kubernetes manifest (apiVersion and kind)". */
    public String description() {
      return description;
    }
  }

  /** @param defaults what the files leave unsaid: the cluster's or host's name (else the first file's folder's), the host's size */
  public record Options(Format format, Manifests.Defaults defaults) {
    /** @param name the cluster's (Kubernetes) or host's (Compose) name; empty for the first file's folder's */
    public Options(Format format, Optional<String> name) {
      this(format, format == Format.KUBERNETES
          ? new Manifests.Defaults(name, Optional.empty(), "linux", Optional.empty(), Optional.empty(), Optional.empty())
          : new Manifests.Defaults(Optional.empty(), name, "linux", Optional.empty(), Optional.empty(), Optional.empty()));
    }
  }

  /**
   * @param text the {@code .topo} text
   * @param warnings what could not be read ({@code compose.yaml:3: ...}) or formatted, to say before the text
   */
  public record Imported(String text, List<String> warnings) {}

  /** Texts that cannot be imported as asked: none, several Compose files, one not of the format. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private Importer() {}

  /**
   * The sources as one {@code .topo} text.
   *
   * @throws Refused when there are no sources, several for Compose, or one that is not of the format
   */
  public static Imported run(List<Source> sources, Options options) {
    if (sources.isEmpty()) {
      throw new Refused("nothing to import");
    }
    for (Source source : sources) {
      if (Format.of(source.text()).orElse(null) != options.format()) {
        throw new Refused(source.shown() + " is not a " + options.format().description());
      }
    }
    List<String> warnings = new ArrayList<>();
    String text = options.format() == Format.KUBERNETES ? kubernetes(sources, options, warnings)
        : compose(sources, options, warnings);
    String formatted = Formatter.format(text, Formatter.Options.DEFAULT).orElseGet(() -> {
      // Names and strings are written quoted where they must be; only a line break in one can still break the text.
      warnings.add("the imported text could not be formatted (a name or value with a line break?); written as it is");
      return text;
    });
    return new Imported(formatted, List.copyOf(warnings));
  }

  /** Whether a file is YAML by its name ({@code .yaml}, {@code .yml}). */
  public static boolean isYaml(URI uri) {
    return Manifests.isYaml(uri);
  }

  /**
   * All the files as one multi-document text, so that every Node and workload is of one cluster (a
   * DaemonSet counts the nodes of every file, an owner in one file hides what it owns in another);
   * each offset is traced back to its file for the comments.
   */
  private static String kubernetes(List<Source> sources, Options options, List<String> warnings) {
    StringBuilder all = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (Source source : sources) {
      if (!all.isEmpty()) {
        all.append("\n---\n");
      }
      starts.add(all.length());
      all.append(source.text());
    }
    URI first = sources.get(0).uri();
    Reading reading = KubernetesReader.read(first, all.toString(), options.defaults().kubernetes(first));
    IntFunction<String> origin = offset -> {
      int i = 0;
      while (i + 1 < starts.size() && starts.get(i + 1) <= offset) {
        i++;
      }
      Source source = sources.get(i);
      return source.shown() + ":" + (LineMap.of(source.text()).line(offset - starts.get(i)) + 1);
    };
    return written(reading.model(), reading.written(),
        reading.skipped().stream().map(Reading.Skipped::what).toList(), origin, warnings);
  }

  private static String compose(List<Source> sources, Options options, List<String> warnings) {
    if (sources.size() > 1) {
      throw new Refused("compose imports one file at a time; " + sources.size() + " were given");
    }
    Source source = sources.get(0);
    Reading reading = ComposeReader.read(source.uri(), source.text(), options.defaults().compose(source.uri()));
    LineMap lines = LineMap.of(source.text());
    return written(reading.model(), reading.written(),
        reading.skipped().stream().map(Reading.Skipped::what).toList(),
        offset -> source.shown() + ":" + (lines.line(offset) + 1), warnings);
  }

  /** The text, each problem noted as a warning (the .topo text then says it again where checked). */
  private static String written(FileModel model, Map<Entity, List<String>> statements, List<String> skipped,
      IntFunction<String> origin, List<String> warnings) {
    for (Problem problem : model.problems()) {
      warnings.add(origin.apply(problem.span().start()) + ": " + problem.message());
    }
    return TopoWriter.write(model, statements, skipped, origin);
  }
}
