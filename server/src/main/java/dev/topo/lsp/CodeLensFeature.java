package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.CodeLenses;
import dev.topo.ide.Snapshot;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * {@code textDocument/codeLens}: the {@link CodeLenses} of a document.
 *
 * <p>A lens is only a label: its command has an empty id, which clients show as text that
 * does nothing when clicked (a lens needs a command to carry its title).
 */
public final class CodeLensFeature {
  private CodeLensFeature() {}

  public static List<CodeLens> codeLenses(Snapshot snapshot, Cancellation cancel) {
    return codeLenses(snapshot, KnowledgeBase.FALLBACK, cancel);
  }

  /** The lenses with their titles in the session's locale. */
  public static List<CodeLens> codeLenses(Snapshot snapshot, String locale, Cancellation cancel) {
    return rendered(snapshot, locale, CodeLenses.of(snapshot, cancel));
  }

  /**
   * As {@link #codeLenses(Snapshot, String, Cancellation)}, made again only for the blocks an
   * edit can have changed when the document is kept in {@code blocks}: the client asks for
   * every lens after each keystroke. A cluster's lens counts its nodes, declared in other
   * blocks, so clusters are made each time.
   */
  static List<CodeLens> codeLenses(Snapshot snapshot, String locale, Cancellation cancel,
      BlockRenders<RenderedLenses> blocks) {
    if (!blocks.keeps(snapshot.file().uri())) {
      return codeLenses(snapshot, locale, cancel);
    }
    return new RenderedLenses.All(blocks.of(snapshot.file(), snapshot.lines(), locale,
        block -> block.kind() != EntityKind.CLUSTER, new BlockRenders.Renderer<>() {
          @Override
          public RenderedLenses render(Entity block) {
            cancel.check();
            return RenderedLenses.of(rendered(snapshot, locale, CodeLenses.in(snapshot, block)));
          }

          @Override
          public RenderedLenses moved(RenderedLenses lenses, int lines) {
            return lenses.moved(lines);
          }
        }));
  }

  private static List<CodeLens> rendered(Snapshot snapshot, String locale, List<CodeLenses.Lens> lenses) {
    return lenses.stream()
        .map(lens -> new CodeLens(Positions.range(snapshot.lines(), lens.span()), new Command(lens.text().text(locale), ""), null))
        .toList();
  }
}
