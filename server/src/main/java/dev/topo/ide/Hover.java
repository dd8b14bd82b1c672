package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to say about a place: on a keyword, its knowledge-base entry in the given locale; on a
 * declaration or a node reference, a summary of the entity; on a {@code requires}, what
 * satisfies it or why nothing does; on a library, who requires it. Where findings cover the
 * place, their rules' one-line summaries follow.
 */
public final class Hover {
  private Hover() {}

  /**
   * A hover's text and the stretch of the document it is about.
   *
   * @param markdown what to show, as Markdown
   * @param span the word or finding the text explains
   */
  public record Result(String markdown, Span span) {}

  /** The hover at an offset of the snapshot's document, if there is anything to say. */
  public static Optional<Result> at(Snapshot snapshot, int offset, String locale, Cancellation cancel) {
    cancel.check();
    FileModel file = snapshot.file();
    Program program = snapshot.analysis().program();
    URI uri = snapshot.document().uri();

    String markdown = null;
    Span span = null;
    Optional<Target> target = Locator.at(file, offset);
    if (target.isPresent()) {
      span = target.get().span();
      markdown = describe(target.get(), program, uri, locale);
    } else {
      Optional<Entity> owner = Locator.enclosing(file, offset);
      Optional<Requirement> range = owner.flatMap(m -> m.requirements().stream()
          .filter(r -> r.rangeSpan().length() > 0 && r.rangeSpan().contains(offset)).findFirst());
      if (range.isPresent()) {
        span = range.get().rangeSpan();
        markdown = EntitySummary.requirement(program, owner.get(), range.get(), uri);
      } else {
        Optional<Concepts.Concept> concept = Concepts.at(file, offset);
        if (concept.isPresent()) {
          span = concept.get().span();
          markdown = concept(concept.get().id(), locale);
        }
      }
    }

    List<Finding> findings = findingsAt(snapshot, offset);
    if (!findings.isEmpty()) {
      String rules = ruleSummaries(findings, locale);
      markdown = markdown == null ? rules : markdown + "\n\n---\n\n" + rules;
      if (span == null) {
        span = findings.get(0).span();
      }
    }
    if (markdown == null || markdown.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Result(markdown, span));
  }

  private static String describe(Target target, Program program, URI uri, String locale) {
    if (target instanceof Target.Keyword k) {
      return concept(k.word(), locale);
    } else if (target instanceof Target.Declaration d) {
      return EntitySummary.of(program, d.entity(), uri);
    } else if (target instanceof Target.NodeReference r) {
      return EntitySummary.nodeReference(program, r.ref(), uri);
    } else if (target instanceof Target.LibraryName l) {
      return EntitySummary.library(program, l.owner(), l.library(), uri);
    } else if (target instanceof Target.RequirementName r) {
      return EntitySummary.requirement(program, r.module(), r.requirement(), uri);
    } else if (target instanceof Target.ImportPath i) {
      return EntitySummary.importPath(program, i.anImport(), uri);
    }
    return null;
  }

  /** A keyword's entry, or null for a word the knowledge base does not explain. */
  private static String concept(String id, String locale) {
    return KnowledgeBase.get().entry(id, locale).map(Entry::markdown).orElse(null);
  }

  /** Findings of this document whose range holds the offset, narrowest first, then the most serious. */
  static List<Finding> findingsAt(Snapshot snapshot, int offset) {
    URI uri = snapshot.file().uri();
    List<Finding> found = new ArrayList<>();
    for (Finding f : snapshot.analysis().findings()) {
      if (f.span().source().equals(uri) && f.span().contains(offset)) {
        found.add(f);
      }
    }
    found.sort((a, b) -> a.span().length() != b.span().length() ? Integer.compare(a.span().length(), b.span().length())
        : a.severity().compareTo(b.severity()));
    return found;
  }

  private static String ruleSummaries(List<Finding> findings, String locale) {
    Set<String> lines = new LinkedHashSet<>();
    for (Finding f : findings) {
      String summary = KnowledgeBase.get().rule(f.rule(), locale).map(Entry::summary).orElse(f.rule().title());
      lines.add("`" + f.rule().id() + "`: " + summary);
    }
    return String.join("\n\n", lines);
  }
}
