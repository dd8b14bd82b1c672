package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.CodeActionKindDocumentation;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * What the start saves reading the client's capabilities and writing the answer changes
 * nothing on the wire: the server reads what was sent, and writes what Gson would.
 */
class StartCapabilitiesTest {
  /** LSP4J's Gson with the two adapters, as the launcher configures it. */
  private static Gson launcherGson() {
    return new MessageJsonHandler(Map.of()) {
      @Override
      public GsonBuilder getDefaultGsonBuilder() {
        GsonBuilder gson = super.getDefaultGsonBuilder().registerTypeAdapterFactory(SentCapabilities.READER);
        InitializeJson.FACTORIES.forEach(gson::registerTypeAdapterFactory);
        return gson;
      }
    }.getGson();
  }

  private static final Gson PLAIN = new MessageJsonHandler(Map.of()).getGson();

  private static InitializeResult answer(String sentCapabilities) throws Exception {
    InitializeParams params = launcherGson().fromJson("{\"capabilities\":" + sentCapabilities + "}", InitializeParams.class);
    TopoLanguageServer server = new TopoLanguageServer(code -> { }, Optional.empty());
    return server.initialize(params).get();
  }

  private static ServerCapabilities answered(String sentCapabilities) throws Exception {
    return answer(sentCapabilities).getCapabilities();
  }

  @Test
  void theAnswerToInitializeIsWrittenAsGsonWritesItForEveryClient() throws Exception {
    String[] clients = {"{}", "{\"textDocument\":{\"diagnostic\":{}}}",
        "{\"textDocument\":{\"rename\":{\"prepareSupport\":true},\"diagnostic\":{}},"
            + "\"workspace\":{\"diagnostics\":{\"refreshSupport\":true},\"configuration\":true,"
            + "\"didChangeConfiguration\":{\"dynamicRegistration\":true}}}"};
    for (String client : clients) {
      InitializeResult answer = answer(client);
      assertEquals(JsonParser.parseString(PLAIN.toJson(answer)), JsonParser.parseString(launcherGson().toJson(answer)),
          client);
      assertEquals(PLAIN.toJson(answer), launcherGson().toJson(answer), "field order, for " + client);
    }
    InitializeResult experimental = answer("{}");
    experimental.getCapabilities().setExperimental(Map.of("diagram", true));
    assertEquals(PLAIN.toJson(experimental), launcherGson().toJson(experimental));

    // What the writer writes by itself, as Gson would: the kinds of value an answer could hold.
    ServerCapabilities every = new ServerCapabilities();
    every.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    every.setExecuteCommandProvider(new ExecuteCommandOptions(List.of("a", "b")));
    every.getExecuteCommandProvider().setWorkDoneProgress(true); // a superclass's field, after the class's own
    every.setPositionEncoding("utf-16");
    every.setWorkspace(new WorkspaceServerCapabilities(new WorkspaceFoldersOptions()));
    every.getWorkspace().getWorkspaceFolders().setChangeNotifications(Either.forRight(true));
    every.setCodeActionProvider(new CodeActionOptions(List.of("quickfix")));
    CodeActionKindDocumentation documentation = new CodeActionKindDocumentation();
    documentation.setKind("quickfix");
    documentation.setCommand(new Command("explain", "topo.explain", Arrays.asList("x", 2, null, List.of(true))));
    every.getCodeActionProvider().getRight().setDocumentation(List.of(documentation));
    InitializeResult written = new InitializeResult(every);
    assertEquals(PLAIN.toJson(written), launcherGson().toJson(written));
  }

  /**
   * The writer reads no annotation, so it must meet none that Gson would heed: walks every
   * class an answer's fields can hold (type arguments included) for Gson's annotations.
   */
  @Test
  void onlyTheExperimentalCapabilitiesHaveAnAdapterOfTheirOwn() {
    Set<String> annotated = new TreeSet<>();
    Set<Class<?>> seen = new HashSet<>();
    Deque<Type> next = new ArrayDeque<>(List.of(InitializeResult.class));
    while (!next.isEmpty()) {
      Type type = next.pop();
      if (type instanceof ParameterizedType parameterized) {
        next.push(parameterized.getRawType());
        next.addAll(List.of(parameterized.getActualTypeArguments()));
      } else if (type instanceof WildcardType wildcard) {
        next.addAll(List.of(wildcard.getUpperBounds()));
      } else if (type instanceof Class<?> raw && raw.getName().startsWith("org.eclipse.lsp4j") && seen.add(raw)) {
        if (gsonAnnotated(raw.getAnnotations())) {
          annotated.add(raw.getName());
        }
        for (Class<?> declaring = raw; declaring != Object.class && declaring != null; declaring = declaring.getSuperclass()) {
          next.push(declaring);
          for (Field field : declaring.getDeclaredFields()) {
            if (gsonAnnotated(field.getAnnotations())) {
              annotated.add(declaring.getSimpleName() + "." + field.getName());
            }
            next.push(field.getGenericType());
          }
        }
      }
    }
    assertTrue(seen.size() > 50, "walked " + seen.size());
    assertEquals(Set.of("ServerCapabilities.experimental"), annotated);
    assertTrue(InitializeJson.isData(SemanticTokensLegend.class));
    assertFalse(InitializeJson.isData(TextDocumentSyncKind.class));
  }

  @Test
  void whatEditorsSendBesideTheirCapabilitiesIsReadAsGsonReadsIt() {
    String sent = "{\"processId\":7,\"clientInfo\":{\"name\":\"Visual Studio Code\",\"version\":\"1.95\",\"extra\":[1]},"
        + "\"locale\":\"ko\",\"rootUri\":\"file:///w\",\"trace\":\"off\",\"capabilities\":{},"
        + "\"workspaceFolders\":[{\"uri\":\"file:///w\",\"name\":\"w\"},{\"uri\":\"file:///v\",\"name\":null},"
        + "{\"name\":true,\"uri\":3}],\"workDoneToken\":\"t\"}";
    InitializeParams read = launcherGson().fromJson(sent, InitializeParams.class);
    InitializeParams plain = PLAIN.fromJson(sent, InitializeParams.class);
    assertEquals(plain.getClientInfo(), read.getClientInfo());
    assertEquals(plain.getWorkspaceFolders(), read.getWorkspaceFolders());
    assertEquals("true", read.getWorkspaceFolders().get(2).getName());
    assertEquals(plain.getLocale(), read.getLocale());
    assertEquals(plain.getWorkDoneToken(), read.getWorkDoneToken());
    assertEquals(null, launcherGson().fromJson("{\"clientInfo\":null}", InitializeParams.class).getClientInfo());
    // Read and written by the server's own adapters, not by Gson's reflective ones, which read annotations.
    for (Class<?> type : List.of(ClientInfo.class, WorkspaceFolder.class, InitializeResult.class)) {
      assertTrue(launcherGson().getAdapter(type).getClass().getName().startsWith(InitializeJson.class.getName()),
          type + ": " + launcherGson().getAdapter(type).getClass());
    }
  }

  private static boolean gsonAnnotated(Annotation[] annotations) {
    return Stream.of(annotations).anyMatch(a -> a.annotationType().getPackageName().equals("com.google.gson.annotations"));
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
