package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Optional;

/**
 * The whole knowledge-base entry for a place, as the "Explain" command shows it: the entry of
 * the rule of the finding there (the narrowest, then the most serious), else of the keyword
 * there, in the given locale.
 */
public final class Explain {
  private Explain() {}

  /** The entry's Markdown, if the place has a finding or a keyword the knowledge base explains. */
  public static Optional<String> at(Snapshot snapshot, int offset, String locale, Cancellation cancel) {
    cancel.check();
    List<Finding> findings = Hover.findingsAt(snapshot, offset);
    Optional<Entry> entry = findings.isEmpty() ? Optional.empty()
        : KnowledgeBase.get().rule(findings.get(0).rule(), locale);
    if (entry.isEmpty()) {
      entry = Concepts.at(snapshot.file(), offset).flatMap(c -> KnowledgeBase.get().entry(c.id(), locale));
    }
    return entry.map(Entry::markdown);
  }
}
