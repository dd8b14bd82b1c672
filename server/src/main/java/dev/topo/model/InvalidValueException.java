package dev.topo.model;

/** A written value that has no meaning; the message is shown to the user as it is, in their language. */
public final class InvalidValueException extends Exception {
  private final transient Message text;

  public InvalidValueException(String message) {
    this(Message.literal(message));
  }

  public InvalidValueException(Message text) {
    super(text.english(), null, false, false);
    this.text = text;
  }

  /** The message, to render in the user's language. */
  public Message text() {
    return text;
  }
}
