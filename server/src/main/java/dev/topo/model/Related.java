package dev.topo.model;

/** Another place a finding concerns: the host whose kernel a container does not match, say. */
public record Related(Span span, Message text) {
  /** A note given as it is, in every language. */
  public Related(Span span, String message) {
    this(span, Message.literal(message));
  }

  /** The note in English, as every output had it before notes were localised. */
  public String message() {
    return text.english();
  }
}
