package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;

/** An outline block already rendered goes on the wire as its stored JSON, and is an ordinary symbol elsewhere. */
class RenderedSymbolTest {
  static final Gson PLAIN = new MessageJsonHandler(Map.of()).getGson();

  static DocumentSymbol symbol(String name) {
    return symbol(name, 3);
  }

  /** A symbol on lines {@code line} to {@code line + 2}, with a child, and a name and detail with characters JSON escapes. */
  static DocumentSymbol symbol(String name, int line) {
    Range range = new Range(new Position(line, 0), new Position(line + 2, 1));
    DocumentSymbol child = new DocumentSymbol("c \"line\":1", SymbolKind.Package, range, range);
    DocumentSymbol symbol = new DocumentSymbol(name, SymbolKind.Class, range, new Range(new Position(line, 5),
        new Position(line, 6)), "linux · 2 cpu <&>");
    symbol.setChildren(List.of(child));
    return symbol;
  }

  /** The JSON handler of the server's own launcher, as ServerMain builds it. */
  static MessageJsonHandler launchersHandler() {
    ProtocolLauncher launcher = new ProtocolLauncher(() -> false, refused -> {});
    launcher.setLocalService(new TopoLanguageServer(code -> {}, Optional.empty()));
    launcher.setRemoteInterface(LanguageClient.class);
    return launcher.createJsonHandler();
  }

  @Test
  void theLauncherWritesARenderedSymbolAsItsStoredJsonAndAnyOtherAsGsonDoes() {
    // A stored JSON that says something else than the fields shows which of the two was written.
    RenderedSymbol stored = new RenderedSymbol(symbol("a"), "{\"name\":\"as stored\"}");
    DocumentSymbol plain = symbol("b");
    ResponseMessage response = new ResponseMessage();
    response.setId("7");
    response.setResult(List.<Either<SymbolInformation, DocumentSymbol>>of(Either.forRight(stored), Either.forRight(plain)));

    String wire = launchersHandler().serialize(response);

    assertTrue(wire.contains("\"result\":[{\"name\":\"as stored\"}," + PLAIN.toJson(plain) + "]"), wire);
  }

  @Test
  void theServersOutgoingBufferCopiesTheStoredBytesWhereLsp4jWouldWriteTheJson() {
    RenderedSymbol stored = new RenderedSymbol(symbol("a"), "{\"name\":\"\ucee8\ud14c\uc774\ub108 \ud83d\ude80 \u00b7\"}");
    ResponseMessage response = new ResponseMessage();
    response.setId(7);
    response.setResult(List.<Either<SymbolInformation, DocumentSymbol>>of(Either.forRight(stored),
        Either.forRight(symbol("b")), Either.forRight(stored)));
    MessageJsonHandler handler = launchersHandler();
    ByteArrayOutputStream lsp4j = new ByteArrayOutputStream();
    new StreamMessageConsumer(lsp4j, handler).consume(response);
    ByteArrayOutputStream buffered = new ByteArrayOutputStream();

    new BufferedMessageConsumer(buffered, handler).consume(response);

    assertEquals(lsp4j.toString(StandardCharsets.UTF_8), buffered.toString(StandardCharsets.UTF_8));
    assertTrue(buffered.toString(StandardCharsets.UTF_8).contains("[" + stored.json() + ","), buffered::toString);
  }

  @Test
  void itsStoredJsonIsWhatLsp4jWritesForTheSymbol() {
    DocumentSymbol plain = symbol("a");
    plain.setTags(List.of());
    plain.setDeprecated(true);
    RenderedSymbol rendered = RenderedSymbol.of(plain);
    assertEquals(PLAIN.toJson(plain), rendered.json());
    assertEquals(PLAIN.toJson(plain), PLAIN.toJson(rendered), "without the hook, written field by field as the same");
  }

  @Test
  void movedByLinesItIsWhatRenderingItThereGives() {
    RenderedSymbol moved = RenderedSymbol.of(symbol("a", 3)).moved(-2);
    DocumentSymbol there = symbol("a", 1);
    assertEquals(PLAIN.toJson(there), moved.json());
    assertEquals(PLAIN.toJson(there), PLAIN.toJson(moved));
  }

  @Test
  void aTreeWriterGetsItFieldByField() {
    Gson hooked = launchersHandler().getGson();
    RenderedSymbol rendered = RenderedSymbol.of(symbol("a"));
    assertEquals(PLAIN.toJsonTree(symbol("a")), hooked.toJsonTree(rendered));
  }
}
