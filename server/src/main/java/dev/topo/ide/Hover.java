package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.Target;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What to say about a place, the most important first. Where findings cover it: each
 * finding's message, one line of how to fix it, and a link to its rule's explanation. Then on
 * a keyword, its entry's title and summary with a link to the rest; on a declaration or a
 * node reference, a summary of the entity; on a {@code requires}, what satisfies it or why
 * nothing does; on a library, who requires it. Links to explanations are command links where
 * the client runs them (the VS Code extension's Explain view), else the {@code topo explain}
 * command to type.
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

  /** The command that shows a whole entry in VS Code, given {@code [{"entry": ID}]}. */
  public static final String EXPLAIN_COMMAND = "topology.explain";

  /**
   * The hover at an offset of the snapshot's document, if there is anything to say.
   *
   * @param commandLinks whether the client runs {@link #EXPLAIN_COMMAND} from a Markdown link
   */
  public static Optional<Result> at(Snapshot snapshot, int offset, String locale, boolean commandLinks,
      Cancellation cancel) {
    cancel.check();
    FileModel file = snapshot.file();
    Program program = snapshot.analysis().program();
    URI uri = snapshot.document().uri();

    String markdown = null;
    Span span = null;
    Optional<Target> target = Locator.at(file, offset);
    if (target.isPresent()) {
      span = target.get().span();
      markdown = describe(target.get(), program, uri, locale, commandLinks);
    } else {
      Optional<Entity> owner = Locator.enclosing(file, offset);
      Optional<Requirement> range = owner.flatMap(m -> m.requirements().stream()
          .filter(r -> {
            Span at = file.placement().span(r.rangeSpan());
            return at.length() > 0 && at.contains(offset);
          }).findFirst());
      if (range.isPresent()) {
        span = file.placement().span(range.get().rangeSpan());
        markdown = EntitySummary.requirement(program, owner.get(), range.get(), uri, Message.locale(locale));
      } else {
        Optional<Concepts.Concept> concept = Concepts.at(file, offset);
        if (concept.isPresent()) {
          span = concept.get().span();
          markdown = concept(concept.get().id(), locale, commandLinks);
        }
      }
    }

    List<Finding> findings = findingsAt(snapshot, offset);
    if (!findings.isEmpty()) {
      String told = findings(snapshot, findings, locale, commandLinks);
      markdown = markdown == null ? told : told + "\n\n---\n\n" + markdown;
      if (span == null) {
        span = findings.get(0).span();
      }
    }
    if (markdown == null || markdown.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Result(markdown, span));
  }

  private static String describe(Target target, Program program, URI uri, String locale, boolean commandLinks) {
    Locale language = Message.locale(locale);
    if (target instanceof Target.Keyword k) {
      return concept(k.word(), locale, commandLinks);
    } else if (target instanceof Target.Declaration d) {
      return EntitySummary.of(program, d.entity(), uri, language);
    } else if (target instanceof Target.NodeReference r) {
      return EntitySummary.nodeReference(program, r.ref(), uri, language);
    } else if (target instanceof Target.LibraryName l) {
      return EntitySummary.library(program, l.owner(), l.library(), uri, language);
    } else if (target instanceof Target.RequirementName r) {
      return EntitySummary.requirement(program, r.module(), r.requirement(), uri, language);
    } else if (target instanceof Target.ImportPath i) {
      return EntitySummary.importPath(program, i.anImport(), uri, language);
    }
    return null;
  }

  /** A keyword's title and summary and a link to the rest, or null for a word the knowledge base does not explain. */
  private static String concept(String id, String locale, boolean commandLinks) {
    return KnowledgeBase.get().entry(id, locale)
        .map(e -> "**" + e.title() + "**\n\n" + e.summary() + "\n\n" + link(id, "hover.more", locale, commandLinks))
        .orElse(null);
  }

  /** Each finding's message, then how to fix it, then a link to its rule's explanation. */
  private static String findings(Snapshot snapshot, List<Finding> findings, String locale, boolean commandLinks) {
    Set<String> told = new LinkedHashSet<>();
    for (Finding f : findings) {
      List<String> lines = new ArrayList<>();
      lines.add(f.message(Message.locale(locale)));
      FixAdvice.of(snapshot, f, locale).ifPresent(lines::add);
      lines.add(link(f.rule().id(), "hover.explain", locale, commandLinks) + " · `" + f.rule().id() + "`");
      told.add(String.join("\n\n", lines));
    }
    return String.join("\n\n---\n\n", told);
  }

  /** A command link that opens an entry in the Explain view, else the command that prints it. */
  private static String link(String entry, String textKey, String locale, boolean commandLinks) {
    if (!commandLinks) {
      return "`topo explain " + entry + "`";
    }
    String arguments = URLEncoder.encode("[{\"entry\":\"" + entry + "\"}]", StandardCharsets.UTF_8).replace("+", "%20");
    return "[" + Message.of(textKey).text(locale) + "](command:"
        + EXPLAIN_COMMAND + "?" + arguments + ")";
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
}
