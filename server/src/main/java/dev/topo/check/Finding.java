package dev.topo.check;

import dev.topo.model.Related;
import dev.topo.model.Span;
import java.util.Comparator;
import java.util.List;

/**
 * What the checker reports: a rule, how serious, where, what, the other places it concerns,
 * and what the rule knew that its fixes need.
 */
public record Finding(Rule rule, Severity severity, String message, Span span, List<Related> related, Data data) {
  /** Document, then position, then rule: the order every output uses. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.span().source().toString())
      .thenComparingInt(f -> f.span().start())
      .thenComparingInt(f -> f.span().end())
      .thenComparing(f -> f.rule().id())
      .thenComparing(Finding::message);

  /** A finding with nothing for a fix to know beyond where it is. */
  public Finding(Rule rule, Severity severity, String message, Span span, List<Related> related) {
    this(rule, severity, message, span, related, Data.NONE);
  }

  /**
   * What a rule knew when it reported (the entity that lacks something, the name it could
   * not find and the one it suggests...), for its own fixes: each rule declares its records.
   */
  public interface Data {
    Data NONE = new None();
  }

  private record None() implements Data {}
}
