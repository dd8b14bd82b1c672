package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace symbols: every named block of every workspace file (the open documents, the
 * index), whose name contains the query's characters in order, case ignored ("wb1" finds
 * "web-01"). Names that start with the query come first, then those that contain it, then the
 * rest; at most {@link #LIMIT} are returned, so a short query in a large workspace stays quick
 * to send and to show. Files are parsed through the workspace's cache, which the background
 * index has filled.
 */
public final class WorkspaceSymbols {
  public static final int LIMIT = 500;

  private WorkspaceSymbols() {}

  /** A block: its name, kind and the place of its name, and the name of the block it is in (empty at the top). */
  public record Symbol(String name, EntityKind kind, Place place, String container) {}

  private record Match(int rank, Symbol symbol) {}

  public static List<Symbol> matching(String query, Workspace workspace, Cancellation cancel) {
    String wanted = query == null ? "" : query.toLowerCase(Locale.ROOT);
    List<Match> matches = new ArrayList<>();
    for (URI uri : files(workspace)) {
      cancel.check();
      Optional<String> text = workspace.sources().read(uri);
      if (text.isEmpty()) {
        continue;
      }
      FileModel file = workspace.cache().get(uri, text.get());
      for (Entity declaration : file.declarations()) {
        collect(file, declaration, "", wanted, matches);
      }
    }
    return matches.stream()
        .sorted(Comparator.comparingInt(Match::rank)
            .thenComparing(m -> m.symbol().name(), String.CASE_INSENSITIVE_ORDER))
        .limit(LIMIT)
        .map(Match::symbol)
        .toList();
  }

  /** The workspace's files, each once (URIs compared normalised). */
  private static List<URI> files(Workspace workspace) {
    Map<URI, URI> files = new LinkedHashMap<>();
    workspace.files().forEach(uri -> files.putIfAbsent(uri.normalize(), uri));
    return new ArrayList<>(files.values());
  }

  private static void collect(FileModel file, Entity entity, String container, String wanted, List<Match> matches) {
    String name = entity.name().text();
    int rank = rank(name.toLowerCase(Locale.ROOT), wanted);
    if (!name.isEmpty() && rank >= 0) {
      matches.add(new Match(rank, new Symbol(name, entity.kind(), new Place(file.span(entity.name()), file.lines()), container)));
    }
    for (Entity child : entity.children()) {
      collect(file, child, DocumentSymbols.label(entity), wanted, matches);
    }
  }

  /**
   * How well a name matches: 0 when it starts with the query, 1 when it contains it, 2 when
   * it holds the query's characters in order, -1 when it does not match. Both lower-cased.
   */
  static int rank(String name, String query) {
    if (name.startsWith(query)) {
      return 0;
    }
    if (name.contains(query)) {
      return 1;
    }
    int at = 0;
    for (int i = 0; i < name.length() && at < query.length(); i++) {
      if (name.charAt(i) == query.charAt(at)) {
        at++;
      }
    }
    return at == query.length() ? 2 : -1;
  }
}
