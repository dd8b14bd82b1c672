package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/** Inlay hints on the wire: positions, padding, Markdown tooltips, the requested range (what they say is InlayHintsTest's). */
class InlayHintFeatureTest {
  static final String CLUSTER = """
      host n1 { os linux; cpu 16; memory 64GiB; runtime containerd }
      cluster k {
        nodes n1
        pod web {
          replicas 3
          container web { os linux; image "w:1"; cpu 2; memory 1GiB }
        }
        pod batch {
          container job { os linux; image "j:1"; cpu 0.5; memory 768Mi }
        }
      }
      """;

  static List<InlayHint> hints(Fixture f, Range range) {
    InlayHintParams params = new InlayHintParams(new TextDocumentIdentifier(Fixture.MAIN.toString()), range);
    return InlayHintFeature.inlayHints(f.snapshot(), params, Cancellation.NONE);
  }

  /** "line:character label" for each hint. */
  static List<String> shown(List<InlayHint> hints) {
    return hints.stream().map(h -> h.getPosition().getLine() + ":" + h.getPosition().getCharacter() + " "
        + h.getLabel().getLeft()).toList();
  }

  @Test
  void aPaddedLabelAfterTheWordWithAMarkdownTooltip() {
    List<InlayHint> hints = hints(Fixture.of(CLUSTER), new Range(new Position(0, 0), new Position(1000, 0)));
    assertEquals(List.of("4:14 = 6 cpu · 3 GiB in all", "7:11 = 0.5 cpu · 768 MiB in all"), shown(hints));
    assertEquals(Boolean.TRUE, hints.get(0).getPaddingLeft());
    assertEquals(MarkupKind.MARKDOWN, hints.get(0).getTooltip().getRight().getKind());
    assertEquals("3 replicas of pod 'web', each requesting 2 cpu and 1 GiB (the sum of its containers' requests)",
        hints.get(0).getTooltip().getRight().getValue());
  }

  @Test
  void onlyHintsWithinTheRequestedRangeAndNoneWithoutARange() {
    Fixture f = Fixture.of(CLUSTER);
    assertEquals(List.of("7:11 = 0.5 cpu · 768 MiB in all"),
        shown(hints(f, new Range(new Position(6, 0), new Position(9, 0)))));
    assertEquals(List.of(), shown(hints(f, new Range(new Position(0, 0), new Position(3, 0)))));
    InlayHintParams noRange = new InlayHintParams();
    noRange.setTextDocument(new TextDocumentIdentifier(Fixture.MAIN.toString()));
    assertEquals(List.of(), InlayHintFeature.inlayHints(f.snapshot(), noRange, Cancellation.NONE));
  }
}
