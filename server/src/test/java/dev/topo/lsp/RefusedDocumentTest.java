package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefusedDocumentTest {
  private static Optional<RefusedDocument> of(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
    return RefusedDocument.of(bytes, bytes.length, 20_000_000);
  }

  @Test
  void aDidOpenNamesItsDocumentBeforeItsText() {
    assertEquals(Optional.of(new RefusedDocument(URI.create("file:///ws/a%20b/x.topo"), 20_000_000)),
        of("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            + "{\"uri\":\"file:\\/\\/\\/ws\\/a%20b\\/x.topo\",\"languageId\":\"topology\",\"version\":1,\"text\":\"host a{}host"));
    assertEquals(Optional.of(URI.create("file:///ws/x.topo")), of("{\"method\" : \"textDocument/didChange\", \"params\":"
        + "{\"textDocument\":{\"uri\" : \"file:///ws/x.topo\",\"version\":2},\"contentChanges\":[{\"text\":\"ho")
        .map(RefusedDocument::uri));
  }

  @Test
  void anotherMessageOrAUriAfterTheHeadNamesNoDocument() {
    assertEquals(Optional.empty(), of("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/executeCommand\","
        + "\"params\":{\"arguments\":[{\"uri\":\"file:///ws/x.topo\"}]}"));
    assertEquals(Optional.empty(), of("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
        + "{\"textDocument\":{\"text\":\"host a{}host a{}"));
    assertEquals(Optional.empty(), of("{\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"not a uri\""));
  }
}
