package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting, semantic tokens, folding and selection ranges through a whole server over the protocol. */
class PresentationRoundTripTest {
  @TempDir
  Path dir;

  static final String MESSY = "// the edge\nhost edge {os linux; cpu 4\n  container web { os linux /* same kernel */ }\n}\n"
      + "cluster k { nodes edge }";

  static final String FORMATTED = """
      // the edge
      host edge {
        os linux
        cpu 4
        container web {
          os linux /* same kernel */
        }
      }

      cluster k {
        nodes edge
      }
      """;

  @Test
  void formattingSemanticTokensFoldingAndSelectionOverTheProtocol() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri.toString());
    try (TestClient lsp = new TestClient()) {
      ServerCapabilities capabilities = lsp.initialize(dir.toUri()).getCapabilities();
      assertEquals(SemanticTokensFeature.TYPES, capabilities.getSemanticTokensProvider().getLegend().getTokenTypes());
      assertTrue(capabilities.getSemanticTokensProvider().getRange().getLeft());
      assertTrue(capabilities.getFoldingRangeProvider().getLeft());
      assertTrue(capabilities.getSelectionRangeProvider().getLeft());
      assertTrue(capabilities.getDocumentFormattingProvider().getLeft());
      assertTrue(capabilities.getDocumentRangeFormattingProvider().getLeft());

      lsp.open(uri, MESSY);
      TextDocumentService documents = lsp.documents();

      List<? extends TextEdit> edits = lsp.await(documents.formatting(new DocumentFormattingParams(doc, new FormattingOptions(2, true))));
      assertEquals(1, edits.size());
      String formatted = Edits.apply(MESSY, List.of(edits.get(0)));
      assertEquals(FORMATTED, formatted);

      List<? extends TextEdit> ranged = lsp.await(documents.rangeFormatting(new DocumentRangeFormattingParams(doc,
          new FormattingOptions(2, true), new Range(new Position(4, 0), new Position(4, 5)))));
      assertEquals("// the edge\nhost edge {os linux; cpu 4\n  container web { os linux /* same kernel */ }\n}\n\n"
          + "cluster k {\n  nodes edge\n}\n", Edits.apply(MESSY, List.of(ranged.get(0))));

      List<String> tokens = SemanticTokensFeatureTest.decode(MESSY,
          lsp.await(documents.semanticTokensFull(new SemanticTokensParams(doc))).getData());
      assertTrue(tokens.containsAll(List.of("0:0 // the edge comment", "1:5 edge class+declaration",
          "1:14 linux enumMember+defaultLibrary", "2:27 /* same kernel */ comment", "4:18 edge variable")), tokens.toString());
      List<String> inRange = SemanticTokensFeatureTest.decode(MESSY, lsp.await(documents.semanticTokensRange(
          new SemanticTokensRangeParams(doc, new Range(new Position(4, 0), new Position(5, 0))))).getData());
      assertEquals(List.of("4:0 cluster keyword", "4:8 k class+declaration", "4:12 nodes keyword", "4:18 edge variable"),
          inRange);

      List<FoldingRange> folds = lsp.await(documents.foldingRange(new FoldingRangeRequestParams(doc)));
      assertEquals(1, folds.size(), folds.toString());
      assertEquals(1, folds.get(0).getStartLine());
      assertEquals(2, folds.get(0).getEndLine());

      List<SelectionRange> selections = lsp.await(documents.selectionRange(new SelectionRangeParams(doc, List.of(new Position(4, 19)))));
      assertEquals(new Range(new Position(4, 18), new Position(4, 22)), selections.get(0).getRange());
      assertEquals(new Range(new Position(4, 12), new Position(4, 22)), selections.get(0).getParent().getRange());

      // Half-typed: no edit at all, but colours and folds still come.
      lsp.edit(uri, 2, 4, 23, 4, 24, "");
      assertEquals(List.of(), lsp.await(documents.formatting(new DocumentFormattingParams(doc, new FormattingOptions(2, true)))));
      assertTrue(!lsp.await(documents.semanticTokensFull(new SemanticTokensParams(doc))).getData().isEmpty());
      assertEquals(1, lsp.await(documents.foldingRange(new FoldingRangeRequestParams(doc))).size());

      // A document that was never opened and does not exist: empty answers, not errors.
      TextDocumentIdentifier missing = new TextDocumentIdentifier(dir.resolve("missing.topo").toUri().toString());
      assertEquals(List.of(), lsp.await(documents.formatting(new DocumentFormattingParams(missing, new FormattingOptions(2, true)))));
      assertEquals(List.of(), lsp.await(documents.semanticTokensFull(new SemanticTokensParams(missing))).getData());
    }
  }
}
