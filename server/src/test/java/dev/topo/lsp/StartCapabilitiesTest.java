package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

/**
 * What the start saves reading the client's capabilities and writing the server's changes
 * nothing on the wire: the server reads what was sent, and writes what Gson would.
 */
class StartCapabilitiesTest {
  /** LSP4J's Gson with the two adapters, as the launcher configures it. */
  private static Gson launcherGson() {
    return new MessageJsonHandler(Map.of()) {
      @Override
      public GsonBuilder getDefaultGsonBuilder() {
        return super.getDefaultGsonBuilder().registerTypeAdapterFactory(SentCapabilities.READER)
            .registerTypeAdapterFactory(ServerCapabilitiesWriter.WRITER);
      }
    }.getGson();
  }

  private static final Gson PLAIN = new MessageJsonHandler(Map.of()).getGson();

  private static ServerCapabilities answered(String sentCapabilities) throws Exception {
    InitializeParams params = launcherGson().fromJson("{\"capabilities\":" + sentCapabilities + "}", InitializeParams.class);
    TopoLanguageServer server = new TopoLanguageServer(code -> { }, Optional.empty());
    return server.initialize(params).get().getCapabilities();
  }

  @Test
  void theServersCapabilitiesAreWrittenAsGsonWritesThemForEveryClient() throws Exception {
    String[] clients = {"{}", "{\"textDocument\":{\"diagnostic\":{}}}",
        "{\"textDocument\":{\"rename\":{\"prepareSupport\":true},\"diagnostic\":{}},"
            + "\"workspace\":{\"diagnostics\":{\"refreshSupport\":true}}}"};
    for (String client : clients) {
      ServerCapabilities capabilities = answered(client);
      assertEquals(JsonParser.parseString(PLAIN.toJson(capabilities)),
          JsonParser.parseString(launcherGson().toJson(capabilities)), client);
      assertEquals(PLAIN.toJson(capabilities), launcherGson().toJson(capabilities), "field order, for " + client);
    }
    ServerCapabilities experimental = answered("{}");
    experimental.setExperimental(Map.of("diagram", true));
    assertEquals(PLAIN.toJson(experimental), launcherGson().toJson(experimental));
  }

  @Test
  void initializeAndTheOutlineReadOnlyWhatWasSentNotTheWhole() throws Exception {
    String sent = "{\"textDocument\":{\"documentSymbol\":{\"hierarchicalDocumentSymbolSupport\":true,"
        + "\"symbolKind\":{\"valueSet\":[5,2,99]}}},\"workspace\":{\"configuration\":true}}";
    InitializeParams params = launcherGson().fromJson("{\"capabilities\":" + sent + "}", InitializeParams.class);
    TopoLanguageServer server = new TopoLanguageServer(code -> { }, Optional.empty());
    server.initialize(params).get();
    SentCapabilities capabilities = assertInstanceOf(SentCapabilities.class, server.capabilities());
    assertTrue(DocumentSymbolFeature.hierarchical(capabilities));
    // A kind newer than LSP4J's enum (99) is left out, not read as null.
    assertEquals(List.of(SymbolKind.Class, SymbolKind.Module), DocumentSymbolFeature.supportedKinds(capabilities));
    assertFalse(capabilities.readWhole(), "nothing so far needed Gson's reading of the whole");

    // A client that sends none has none, read from nothing.
    TopoLanguageServer bare = new TopoLanguageServer(code -> { }, Optional.empty());
    bare.initialize(launcherGson().fromJson("{}", InitializeParams.class)).get();
    SentCapabilities none = assertInstanceOf(SentCapabilities.class, bare.capabilities());
    assertFalse(none.has("textDocument"));
    assertEquals(null, none.getTextDocument());
    assertTrue(capabilities.getTextDocument().getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
    assertTrue(capabilities.readWhole());
  }

  @Test
  void initializeReadsTheSentFlagsAndTheRestOnDemand() throws Exception {
    ServerCapabilities none = answered("{}");
    assertFalse(none.getRenameProvider().getRight() != null, "no prepareSupport, no RenameOptions");
    assertEquals(null, none.getDiagnosticProvider());
    ServerCapabilities all = answered("{\"textDocument\":{\"rename\":{\"prepareSupport\":true},\"diagnostic\":{}}}");
    assertTrue(all.getRenameProvider().getRight().getPrepareProvider());
    assertInstanceOf(org.eclipse.lsp4j.DiagnosticRegistrationOptions.class, all.getDiagnosticProvider());

    String sent = "{\"textDocument\":{\"documentSymbol\":{\"hierarchicalDocumentSymbolSupport\":true},"
        + "\"rename\":{\"prepareSupport\":false}},\"window\":{\"workDoneProgress\":true}}";
    ClientCapabilities read = launcherGson().fromJson(sent, ClientCapabilities.class);
    assertInstanceOf(SentCapabilities.class, read);
    assertEquals(PLAIN.fromJson(sent, ClientCapabilities.class), ((SentCapabilities) read).whole());
    assertTrue(read.getTextDocument().getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
    assertTrue(((SentCapabilities) read).has("textDocument", "rename", "prepareSupport"));
    assertFalse(((SentCapabilities) read).isTrue("textDocument", "rename", "prepareSupport"));
    assertFalse(((SentCapabilities) read).has("textDocument", "diagnostic"));
  }
}
