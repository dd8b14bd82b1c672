package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.Import;
import dev.topo.model.Library;
import dev.topo.model.Name;
import dev.topo.model.Requirement;
import dev.topo.model.Span;

/** What stands at a place in a file, as editor features need to know it. */
public sealed interface Target {
  /** The span of the word the cursor is on. */
  Span span();

  /** The name in a block's header: {@code host web-01 {}}. */
  record Declaration(Entity entity, Span span) implements Target {}

  /** An entry of a cluster's {@code nodes}. */
  record NodeReference(Entity cluster, Name ref, Span span) implements Target {}

  /** The name in {@code library NAME "VERSION"}. */
  record LibraryName(Entity owner, Library library, Span span) implements Target {}

  /** The library name in {@code requires NAME "RANGE"}. */
  record RequirementName(Entity module, Requirement requirement, Span span) implements Target {}

  /** The path of an import. */
  record ImportPath(Import anImport) implements Target {
    @Override
    public Span span() {
      return anImport.pathSpan();
    }
  }

  /**
   * A word of the language: a statement's keyword ({@code host}, {@code os}, {@code share})
   * or a value that has an entry of its own (a namespace such as {@code pid}). The owner is
   * the block the word belongs to, or null at the top of a file.
   */
  record Keyword(String word, Span span, Entity owner) implements Target {}
}
