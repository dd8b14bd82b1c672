package dev.topo.ide;

import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.knowledge.RuleSection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of how to fix a finding, for the line under its message in a hover: the first
 * sentence its rule's entry gives under "How to fix", else the title of the finding's first
 * repair. Empty when neither says anything.
 */
final class FixAdvice {
  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
  private static final Pattern FENCES = Pattern.compile("(?s)```.*?```");
  /** A sentence's end: a full stop, question or exclamation mark before white space. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");

  private FixAdvice() {}

  static Optional<String> of(Snapshot snapshot, Finding finding, String locale) {
    Optional<String> written = KnowledgeBase.get().rule(finding.rule(), locale).flatMap(FixAdvice::firstSentence);
    if (written.isPresent()) {
      return written;
    }
    List<Fix> repairs = finding.rule().fixes(new FixContext(snapshot.analysis().program(), snapshot.syntaxes()), finding);
    return repairs.stream().sorted(Comparator.comparing(f -> !f.preferred())).map(Fix::title).findFirst();
  }

  /** The first sentence of the first paragraph of prose of the entry's "How to fix": not a code block, nor a label. */
  static Optional<String> firstSentence(Entry entry) {
    Optional<String> section = entry.section(RuleSection.HOW_TO_FIX);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    for (String paragraph : PARAGRAPHS.split(FENCES.matcher(section.get()).replaceAll("\n\n"))) {
      String prose = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
      if (!prose.isEmpty() && !prose.endsWith(":")) {
        return Optional.of(SENTENCE_END.split(prose, 2)[0]);
      }
    }
    return Optional.empty();
  }
}
