package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.WorkspaceSymbols;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Workspace symbols ({@link WorkspaceSymbols}) in the protocol, with the outline's kinds. */
public final class WorkspaceSymbolFeature {
  private WorkspaceSymbolFeature() {}

  public static List<WorkspaceSymbol> symbols(Session session, String query, Cancellation cancel) {
    List<SymbolKind> supported = supportedKinds(session.clientCapabilities());
    return WorkspaceSymbols.matching(query, new SessionWorkspace(session, false), cancel).stream()
        .map(s -> new WorkspaceSymbol(s.name(), DocumentSymbolFeature.kind(s.kind(), supported),
            Either.forLeft(Locations.location(s.place())), s.container().isEmpty() ? null : s.container()))
        .toList();
  }

  private static List<SymbolKind> supportedKinds(ClientCapabilities client) {
    return DocumentSymbolFeature.valueSet(SentCapabilities.of(client).at("workspace", "symbol", "symbolKind", "valueSet"));
  }
}
