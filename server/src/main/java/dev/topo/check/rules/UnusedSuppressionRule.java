package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Checker;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Message;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code // topo-ignore} comment that silences nothing: the rule it names found nothing in
 * its statement, because the problem was fixed or the comment names the wrong rule (or a
 * suppression in the configuration that silenced nothing in a whole run). Left in
 * place, it would silence the next problem of that kind without anyone deciding to. Only the
 * checker knows what the other rules found, so {@link Checker} reports this rule's findings
 * after theirs; the rule itself holds what it is.
 */
public final class UnusedSuppressionRule implements Rule {
  private static final Info INFO = new Info(Checker.UNUSED_SUPPRESSION, Severity.WARNING,
      "A topo-ignore comment silences nothing",
      "A `// topo-ignore` comment names a rule that is on and reports nothing in the statement the comment "
          + "applies to; a comment naming several rules is reported once for each that silences nothing. A rule "
          + "that is off is not reported: its comment waits for it. A suppression in `.topo.json` that silences "
          + "nothing in a whole `topo check` of the configuration's folder is reported too, in the command line only.",
      "the comment, or the suppression's entry in `.topo.json`");

  @Override
  public Info info() {
    return INFO;
  }

  /** Nothing here: see the class comment. */
  @Override
  public void check(Program program, Acceptor acceptor) {}

  /** {@code // topo-ignore ids reason}, the ids split by commas. */
  private static final Pattern COMMENT = Pattern.compile("(//\\s*topo-ignore\\s+)([\\w-]+(?:\\s*,\\s*[\\w-]+)*)(.*)", Pattern.DOTALL);

  /**
   * Removes the rule from its comment, or the comment when it names no other (with the blanks
   * before it, and its line when nothing else is on it).
   */
  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof Checker.UnusedRuleId unused)) {
      return List.of();
    }
    String text = context.root().text();
    Span comment = finding.span();
    Matcher m = COMMENT.matcher(text.substring(comment.start(), comment.end()));
    if (!m.matches()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(List.of(m.group(2).split("\\s*,\\s*")));
    ids.remove(unused.ruleId());
    if (!ids.isEmpty()) {
      return List.of(Fix.repair(Message.of("unused-suppression.fix.id", unused.ruleId()), finding,
          List.of(new SourceEdit(comment, m.group(1) + String.join(", ", ids) + m.group(3)))));
    }
    int start = comment.start();
    while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
      start--;
    }
    int end = comment.end();
    boolean aloneOnItsLine = start == 0 || text.charAt(start - 1) == '\n';
    if (aloneOnItsLine && end < text.length() && text.charAt(end) == '\r') {
      end++;
    }
    if (aloneOnItsLine && end < text.length() && text.charAt(end) == '\n') {
      end++;
    }
    return List.of(Fix.repair(Message.of("unused-suppression.fix.comment"), finding,
        List.of(new SourceEdit(new Span(comment.source(), start, end), ""))));
  }
}
