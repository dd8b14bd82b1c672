package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.CodeLenses;
import dev.topo.ide.Snapshot;
import dev.topo.knowledge.KnowledgeBase;
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
    return CodeLenses.of(snapshot, cancel).stream()
        .map(lens -> new CodeLens(Positions.range(snapshot.lines(), lens.span()),
            new Command(lens.text().text(locale), ""), null))
        .toList();
  }
}
