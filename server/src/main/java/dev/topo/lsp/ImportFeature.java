package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.workspace.Importer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The custom request {@code topology/import} of the extension's "Import from Kubernetes/Compose"
 * command: YAML files (open buffers first, else the disk) and folders of them written out as a
 * {@code .topo} text by the core's {@link Importer}, as {@code topo import} writes it.
 */
public final class ImportFeature {
  public static final String METHOD = "topology/import";

  private ImportFeature() {}

  /**
   * @param uris files, or folders whose YAML files of the format are taken (as {@code topo import} takes a folder)
   * @param format {@code k8s} or {@code compose}; null to tell it from the files
   */
  public record Params(List<String> uris, String format) {}

  /**
   * The answer on the wire. When no format was given and the files do not tell (none is of
   * either, or some are of each), text and format are null, and the client asks.
   *
   * @param warnings what could not be read, {@code file:line: message}
   */
  public record Answer(String text, List<String> warnings, String format) {}

  private record Given(URI uri, boolean folder) {}

  static Answer run(Session session, Params params, Cancellation cancel) {
    if (params == null || params.uris() == null || params.uris().isEmpty()) {
      throw refused("no files to import");
    }
    Map<Given, List<Importer.Source>> read = new LinkedHashMap<>(); // each file or folder read once
    for (String text : params.uris()) {
      cancel.check();
      URI uri = Uris.parse(text);
      Given g = new Given(uri, isFolder(uri));
      read.put(g, g.folder() ? folder(session, uri) : List.of(source(session, uri)));
    }
    Optional<Importer.Format> format = params.format() == null
        ? told(read.values().stream().flatMap(List::stream).toList()) : Importer.Format.named(params.format());
    if (params.format() != null && format.isEmpty()) {
      throw refused("unknown format '" + params.format() + "': say k8s or compose");
    }
    if (format.isEmpty()) {
      return new Answer(null, List.of(), null);
    }
    List<Importer.Source> sources = new ArrayList<>();
    read.forEach((g, found) -> {
      // From a folder, only the files of the format, as topo import takes them; a file named is the importer's to refuse.
      List<Importer.Source> taken = g.folder() ? found.stream().filter(s -> Importer.Format.of(s.text()).equals(format)).toList() : found;
      if (taken.isEmpty()) {
        throw refused("no " + format.get().description() + " in " + shown(session, g.uri()));
      }
      sources.addAll(taken);
    });
    try {
      Importer.Imported imported = Importer.run(sources, new Importer.Options(format.get(), Optional.empty()));
      return new Answer(imported.text(), imported.warnings(), format.get().word());
    } catch (Importer.Refused e) {
      throw refused(e.getMessage());
    }
  }

  /**
   * The one format the files that are of either are of; none when they are of both or of
   * neither. Another YAML file among them (a workflow in the folder) does not count: named
   * on its own, the importer then refuses it by name.
   */
  private static Optional<Importer.Format> told(List<Importer.Source> sources) {
    Set<Importer.Format> formats = sources.stream().map(s -> Importer.Format.of(s.text())).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    return formats.size() == 1 ? formats.stream().findFirst() : Optional.empty();
  }

  private static Importer.Source source(Session session, URI uri) {
    String text = session.documents().read(uri).orElseThrow(() -> refused("cannot read " + shown(session, uri)));
    return new Importer.Source(uri, shown(session, uri), text);
  }

  /** A folder's YAML files, in name order. */
  private static List<Importer.Source> folder(Session session, URI uri) {
    try (Stream<Path> files = Files.list(Path.of(uri))) {
      return files.filter(p -> Files.isRegularFile(p) && Importer.isYaml(p.toUri())).sorted()
          .map(p -> source(session, p.toUri())).toList();
    } catch (IOException | RuntimeException e) {
      throw refused("cannot read the folder " + shown(session, uri));
    }
  }

  private static boolean isFolder(URI uri) {
    try {
      return "file".equals(uri.getScheme()) && Files.isDirectory(Path.of(uri));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A file as the comments name it: relative to its workspace folder, else by its name. */
  private static String shown(Session session, URI uri) {
    URI root = session.rootOf(uri);
    if (root != null) {
      return root.relativize(uri).getPath();
    }
    String path = Optional.ofNullable(uri.getPath()).orElse(uri.toString());
    return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
  }

  private static ResponseErrorException refused(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }
}
