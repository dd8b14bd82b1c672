package dev.topo.ide;

import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of how to fix a finding, for the line under its message in a hover: the first
 * sentence its rule's entry gives under "How to fix", else the title of the finding's first
 * repair. Empty when neither says anything.
 */
final class FixAdvice {
  /** The headings of the section, in every language the knowledge base has. */
  private static final Set<String> HEADINGS = Set.of("how to fix", "고치는 법", "고치는 방법");
  private static final Pattern SECTIONS = Pattern.compile("(?m)^(?=##\\s)");
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

  /**
   * The first sentence of the first paragraph of prose under the entry's "How to fix"
   * heading: not a code block, nor a label such as "Before:".
   */
  static Optional<String> firstSentence(Entry entry) {
    for (String section : SECTIONS.split(entry.markdown())) {
      int headingEnd = section.indexOf('\n');
      if (!section.startsWith("## ") || headingEnd < 0
          || !HEADINGS.contains(section.substring(3, headingEnd).strip().toLowerCase(Locale.ROOT))) {
        continue;
      }
      String body = FENCES.matcher(section.substring(headingEnd + 1)).replaceAll("\n\n");
      for (String paragraph : PARAGRAPHS.split(body)) {
        String prose = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
        if (!prose.isEmpty() && !prose.endsWith(":")) {
          return Optional.of(SENTENCE_END.split(prose, 2)[0]);
        }
      }
    }
    return Optional.empty();
  }
}
