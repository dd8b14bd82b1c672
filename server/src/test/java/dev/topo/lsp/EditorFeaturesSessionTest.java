package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hover and completion over the protocol, in a session whose client speaks Korean. */
class EditorFeaturesSessionTest {
  @TempDir
  Path dir;

  static ClientCapabilities withSnippets() {
    CompletionItemCapabilities item = new CompletionItemCapabilities(true);
    CompletionCapabilities completion = new CompletionCapabilities(item);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCompletion(completion);
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setTextDocument(text);
    return capabilities;
  }

  static Hover hover(TestClient lsp, URI uri, int line, int character) throws Exception {
    return lsp.await(lsp.documents()
        .hover(new HoverParams(new TextDocumentIdentifier(uri.toString()), new Position(line, character))));
  }

  static List<CompletionItem> complete(TestClient lsp, URI uri, int line, int character) throws Exception {
    CompletionList list = lsp.await(lsp.documents()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri.toString()), new Position(line, character))))
        .getRight();
    return list.getItems();
  }

  static List<String> labels(List<CompletionItem> items) {
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void hoverAndCompletionInTheClientsLocaleAsTheUserTypes() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    Files.writeString(dir.resolve("nodes.topo"), "host n1 { os linux; cpu 8; memory 16GiB; runtime docker }\n");
    try (TestClient lsp = new TestClient()) {
      InitializeResult init = lsp.initialize(dir.toUri(), withSnippets(), null, "ko-KR");
      assertTrue(init.getCapabilities().getHoverProvider().getLeft());
      assertEquals(List.of("\"", "/"), init.getCapabilities().getCompletionProvider().getTriggerCharacters());

      lsp.open(uri, "host a {\n  os linux\n}\n");
      lsp.awaitDiagnostics(uri, 1);
      Hover keyword = hover(lsp, uri, 1, 3);
      assertTrue(keyword.getContents().getRight().getValue().startsWith("**운영체제**"),
          keyword.getContents().getRight().getValue());
      assertEquals(new Position(1, 2), keyword.getRange().getStart());

      // Type "\n  cpu 4\n  vm v {\n    os " after 'os linux': a half-typed VM.
      lsp.edit(uri, 2, 1, 10, 1, 10, "\n  cpu 4\n  vm v {\n    os ");
      List<CompletionItem> families = complete(lsp, uri, 4, 7);
      assertEquals(List.of("linux", "windows", "macos", "freebsd"), labels(families));
      assertEquals(CompletionItemKind.EnumMember, families.get(0).getKind());

      // The VM typed away for an empty line: only what the host may still take, block snippets included.
      lsp.edit(uri, 3, 3, 0, 4, 7, "  ");
      List<CompletionItem> statements = complete(lsp, uri, 3, 2);
      // By the vocabulary: what a host may hold, less the os and cpu it has.
      List<String> left = dev.topo.model.Keyword.allowedStatements(dev.topo.model.EntityKind.HOST).stream()
          .map(dev.topo.model.Keyword::word).filter(w -> !w.equals("os") && !w.equals("cpu")).toList();
      assertEquals(left, labels(statements).stream().sorted((x, y) -> Integer.compare(
          dev.topo.model.Keyword.of(x).orElseThrow().ordinal(), dev.topo.model.Keyword.of(y).orElseThrow().ordinal())).toList());
      CompletionItem vm = statements.stream().filter(i -> i.getLabel().equals("vm")).findFirst().orElseThrow();
      assertEquals(InsertTextFormat.Snippet, vm.getInsertTextFormat());
      CompletionItem memory = statements.stream().filter(i -> i.getLabel().equals("memory")).findFirst().orElseThrow();
      assertTrue(memory.getDocumentation().getRight().getValue().startsWith("# 메모리"), "documented in Korean");
    }
  }

  @Test
  void nodesAndTheirSummariesAcrossFiles() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    Files.writeString(dir.resolve("nodes.topo"), "host n1 { os linux; cpu 8; memory 16GiB; runtime docker }\n"
        + "host n2 { os linux; cpu 4; memory 8GiB; runtime docker }\n");
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), null, "en");
      lsp.open(uri, "import \"nodes.topo\"\ncluster k { nodes n1, ");
      List<CompletionItem> nodes = complete(lsp, uri, 1, 22);
      assertEquals(List.of("n2"), labels(nodes));
      assertEquals(InsertTextFormat.PlainText, nodes.get(0).getInsertTextFormat());

      Hover node = hover(lsp, uri, 1, 19);
      String md = node.getContents().getRight().getValue();
      assertTrue(md.startsWith("**host** `n1` · in `nodes.topo`"), md);
      assertTrue(md.contains("**Node of:** cluster 'k'"), md);

      List<CompletionItem> paths = complete(lsp, uri, 0, 8);
      assertTrue(labels(paths).contains("nodes.topo"), labels(paths).toString());

      assertTrue(complete(lsp, dir.resolve("unopened-and-missing.topo").toUri(), 0, 0).isEmpty());
      assertNull(hover(lsp, dir.resolve("unopened-and-missing.topo").toUri(), 0, 0));
    }
  }
}
