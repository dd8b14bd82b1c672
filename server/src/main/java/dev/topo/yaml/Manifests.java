package dev.topo.yaml;

import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML files topo reads as topology, told apart by their extension and content: a
 * Kubernetes manifest says {@code apiVersion} and {@code kind}, a Compose file has a
 * {@code services} map. Read with the defaults a command line or an import gives when
 * nothing else is said: the cluster or host is named after the file's folder, as Compose
 * names its project.
 */
public final class Manifests {
  /** A key at the start of a line, as a top-level key of some document is written (the first after a byte order mark). */
  private static final Pattern KUBERNETES = Pattern.compile("(?m)^\uFEFF?(apiVersion|kind):");
  /** A top-level {@code services:} with nothing after it on its line but a comment. */
  private static final Pattern SERVICES = Pattern.compile("(?m)^\uFEFF?services:[ \\t]*(?:#.*)?$");

  /** What a YAML file holds, for topo. */
  public enum Format { KUBERNETES, COMPOSE }

  /**
   * What the user may say of what manifests leave unsaid: the cluster's name (else the folder's),
   * and the Compose host's name (else the folder's), OS, cpu, memory and architecture (a Linux
   * host of unknown size and architecture by default). Values are written as in {@code .topo}
   * and checked as such.
   */
  public record Defaults(Optional<String> cluster, Optional<String> host, String hostOs, Optional<String> hostCpu,
      Optional<String> hostMemory, Optional<String> hostArch) {
    public static final Defaults NONE =
        new Defaults(Optional.empty(), Optional.empty(), "linux", Optional.empty(), Optional.empty(), Optional.empty());

    public KubernetesReader.Options kubernetes(URI uri) {
      return new KubernetesReader.Options(cluster.orElseGet(() -> folderName(uri)));
    }

    public ComposeReader.Options compose(URI uri) {
      return new ComposeReader.Options(host.orElseGet(() -> folderName(uri)), hostOs, hostCpu, hostMemory, hostArch);
    }
  }

  private Manifests() {}

  /** Whether a file is YAML by its name, so read here and not by the {@code .topo} parser. */
  public static boolean isYaml(URI uri) {
    String path = Optional.ofNullable(uri.getPath()).orElse("").toLowerCase(Locale.ROOT);
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /** Whether a document is a Kubernetes manifest: a YAML file whose content says {@code apiVersion} or {@code kind}. */
  public static boolean isKubernetes(URI uri, String text) {
    return isYaml(uri) && format(text).filter(f -> f == Format.KUBERNETES).isPresent();
  }

  /** The format a YAML text looks like, from a first look at its top-level keys; empty when neither. */
  public static Optional<Format> format(String text) {
    if (KUBERNETES.matcher(text).find()) {
      return Optional.of(Format.KUBERNETES);
    }
    Matcher services = SERVICES.matcher(text);
    while (services.find()) {
      if (mapsNames(text, services.end())) {
        return Optional.of(Format.COMPOSE);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the first entry after a {@code services:} line is an indented key, not a list
   * item: GitLab CI files also have a top-level {@code services}, a list of images. A loop,
   * not a regular expression: Java's regex repeats a group by recursing, and a file of
   * thousands of blank lines after {@code services:} overflowed the stack.
   */
  private static boolean mapsNames(String text, int servicesLineEnd) {
    int line = text.indexOf('\n', servicesLineEnd) + 1;
    while (line > 0 && line < text.length()) {
      int first = line;
      while (first < text.length() && " \t\r".indexOf(text.charAt(first)) >= 0) {
        first++;
      }
      if (first < text.length() && text.charAt(first) != '\n' && text.charAt(first) != '#') {
        return first > line && text.charAt(first) != '-';
      }
      line = text.indexOf('\n', first) + 1;
    }
    return false;
  }

  /** The file's model, read with the folder's name for its cluster or host. */
  public static FileModel read(URI uri, String text) {
    return read(uri, text, Defaults.NONE);
  }

  /** The file's model, whatever it holds: a YAML file that is neither format is a problem, not an error. */
  public static FileModel read(URI uri, String text, Defaults defaults) {
    Optional<Format> format = format(text);
    if (format.isPresent()) {
      return switch (format.get()) {
        case KUBERNETES -> KubernetesReader.read(uri, text, defaults.kubernetes(uri)).model();
        case COMPOSE -> ComposeReader.read(uri, text, defaults.compose(uri)).model();
      };
    }
    return new FileModel(uri, text, LineMap.of(text), List.of(), List.of(), List.of(new Problem(ProblemCode.SYNTAX,
        new Span(uri, 0, Math.min(1, text.length())),
        "neither a Kubernetes manifest (apiVersion and kind) nor a Compose file (a services map)")), List.of());
  }

  /** The name of the folder a file is in: what Compose calls the project, and topo the host or cluster. */
  public static String folderName(URI uri) {
    String path = Optional.ofNullable(uri.normalize().getPath()).orElse("");
    String[] parts = path.split("/");
    return parts.length >= 2 && !parts[parts.length - 2].isEmpty() ? parts[parts.length - 2] : "default";
  }
}
