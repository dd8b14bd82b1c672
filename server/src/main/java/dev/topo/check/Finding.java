package dev.topo.check;

import dev.topo.model.Related;
import dev.topo.model.Span;
import java.util.Comparator;
import java.util.List;

/** What the checker reports: a rule, how serious, where, what, and the other places it concerns. */
public record Finding(RuleId rule, Severity severity, String message, Span span, List<Related> related) {
  /** Document, then position, then rule: the order every output uses. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.span().source().toString())
      .thenComparingInt(f -> f.span().start())
      .thenComparingInt(f -> f.span().end())
      .thenComparing(f -> f.rule().id())
      .thenComparing(Finding::message);
}
