package dev.topo.model;

import java.util.List;

/**
 * Something wrong that is found while the model is built (a syntax error, a misplaced
 * property, an invalid value) rather than by reasoning over the model. The rule with the
 * same id turns it into a finding, so severity, configuration and suppression treat it
 * like any other finding.
 */
public record Problem(String ruleId, Span span, String message, List<Related> related) implements Located {
  public Problem(String ruleId, Span span, String message) {
    this(ruleId, span, message, List.of());
  }
}
