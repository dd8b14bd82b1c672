package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Workspace symbols: every named block of every workspace file (the index, the open
 * documents), whose name contains the query's characters in order, case ignored ("wb1"
 * finds "web-01"). Names that start with the query come first, then those that contain it,
 * then the rest; at most {@link #LIMIT} are returned, so a short query in a large workspace
 * stays quick to send and to show. Files are parsed through the session's cache, which the
 * background index has filled.
 */
public final class WorkspaceSymbolFeature {
  static final int LIMIT = 500;

  private WorkspaceSymbolFeature() {}

  private record Match(int rank, String name, WorkspaceSymbol symbol) {}

  public static List<WorkspaceSymbol> symbols(Session session, String query, Cancellation cancel) {
    String wanted = query == null ? "" : query.toLowerCase(Locale.ROOT);
    List<SymbolKind> supported = supportedKinds(session.clientCapabilities());
    List<Match> matches = new ArrayList<>();
    for (URI uri : WorkspaceSearch.files(session, null)) {
      cancel.check();
      Optional<String> text = session.documents().read(uri);
      if (text.isEmpty()) {
        continue;
      }
      FileModel file = session.cache().get(uri, text.get());
      for (Entity declaration : file.declarations()) {
        collect(file, declaration, null, wanted, supported, matches);
      }
    }
    return matches.stream()
        .sorted(Comparator.comparingInt(Match::rank).thenComparing(Match::name, String.CASE_INSENSITIVE_ORDER))
        .limit(LIMIT)
        .map(Match::symbol)
        .toList();
  }

  private static void collect(FileModel file, Entity entity, Entity parent, String wanted, List<SymbolKind> supported,
      List<Match> matches) {
    String name = entity.name().text();
    int rank = rank(name.toLowerCase(Locale.ROOT), wanted);
    if (!name.isEmpty() && rank >= 0) {
      Location location = new Location(file.uri().toString(), Positions.range(file.lines(), entity.name().span()));
      WorkspaceSymbol symbol = new WorkspaceSymbol(name, DocumentSymbolFeature.kind(entity.kind(), supported),
          Either.forLeft(location), parent == null ? null : DocumentSymbolFeature.label(parent));
      matches.add(new Match(rank, name, symbol));
    }
    for (Entity child : entity.children()) {
      collect(file, child, entity, wanted, supported, matches);
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

  private static List<SymbolKind> supportedKinds(ClientCapabilities client) {
    var workspace = client == null ? null : client.getWorkspace();
    return DocumentSymbolFeature.valueSet(workspace == null || workspace.getSymbol() == null ? null
        : workspace.getSymbol().getSymbolKind());
  }
}
