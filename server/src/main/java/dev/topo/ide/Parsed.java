package dev.topo.ide;

import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.workspace.TextDocument;

/**
 * A document's text, parse and model, before any analysis: all that colours, folds,
 * selections, the outline and links read. The requests for them after a keystroke need not
 * wait for the checker, and run beside it. A {@link Snapshot} is one too.
 */
public interface Parsed {
  TextDocument document();

  FileModel file();

  /** The document's tokens, tree and statements. */
  DocumentSyntax syntax();

  default LineMap lines() {
    return document().lines();
  }

  static Parsed of(TextDocument document, FileModel file, DocumentSyntax syntax) {
    return new Parse(document, file, syntax);
  }

  /** A parse alone. */
  record Parse(TextDocument document, FileModel file, DocumentSyntax syntax) implements Parsed {}
}
