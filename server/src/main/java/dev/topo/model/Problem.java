package dev.topo.model;

import java.util.List;

/**
 * Something wrong that is found while the model is built (a syntax error, a misplaced
 * property, an invalid value) or its imports gathered, rather than by reasoning over the
 * model. The rule of its code turns it into a finding, so severity, configuration and
 * suppression treat it like any other finding.
 */
public record Problem(ProblemCode code, Span span, Message text, List<Related> related) implements Located {
  public Problem(ProblemCode code, Span span, Message text) {
    this(code, span, text, List.of());
  }

  /** A problem whose message no bundle holds yet, shown as it is. */
  public Problem(ProblemCode code, Span span, String message, List<Related> related) {
    this(code, span, Message.literal(message), related);
  }

  public Problem(ProblemCode code, Span span, String message) {
    this(code, span, message, List.of());
  }

  /** The message in English. */
  public String message() {
    return text.english();
  }
}
