package dev.topo.syntax;

import dev.topo.model.Import;
import dev.topo.model.Problem;
import dev.topo.model.Related;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import java.util.List;

/**
 * Moves what a file's model holds at places of its text (imports, problems, suppressions) by a
 * number of characters, for splicing a re-parsed block into a file. The blocks are not moved:
 * what they hold counts from their own start ({@link dev.topo.model.Placement}).
 */
final class Shift {
  private final int delta;

  Shift(int delta) {
    this.delta = delta;
  }

  Span span(Span s) {
    return new Span(s.source(), s.start() + delta, s.end() + delta);
  }

  Import anImport(Import i) {
    return new Import(span(i.span()), i.path(), span(i.pathSpan()));
  }

  Problem problem(Problem p) {
    List<Related> related = p.related().stream().map(r -> new Related(span(r.span()), r.text())).toList();
    return new Problem(p.code(), span(p.span()), p.text(), related);
  }

  Suppression suppression(Suppression s) {
    return new Suppression(span(s.comment()), s.ruleIds(), span(s.target()), s.reason());
  }
}
