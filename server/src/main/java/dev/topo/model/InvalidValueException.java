package dev.topo.model;

/** A written value that has no meaning; the message is shown to the user as it is. */
public final class InvalidValueException extends Exception {
  public InvalidValueException(String message) {
    super(message, null, false, false);
  }
}
