package dev.topo.model;

import java.util.List;
import java.util.Optional;

/**
 * The values of one property statement, matched to its keyword's slots, for the keyword's
 * reader to turn into the property's meaning.
 */
public interface StatementValues {
  /** Where the whole statement is. */
  Extent statement();

  /** Whether the values have the shape the keyword wants (no syntax problem). */
  boolean complete();

  /** The name in a {@link Slot.Shape#WORD} slot; empty text when it is missing. */
  Name word(int slot);

  /** The names in a {@link Slot.Shape#WORD_LIST} slot. */
  List<Name> words(int slot);

  /** The unquoted text of a {@link Slot.Shape#STRING} slot and its span, when it is written. */
  Optional<Name> string(int slot) throws InvalidValueException;

  /** The unquoted text of a string slot and its span, even when an escape in it is bad. */
  Optional<Name> rawString(int slot);

  /** The text of a {@link Slot.Shape#NUMBER} or {@link Slot.Shape#QUANTITY} slot. */
  String number(int slot);

  /**
   * Reports a value that is written but means nothing (an unknown OS family among known
   * words), while the statement still counts; {@link InvalidValueException} is for a value
   * that makes the whole statement meaningless.
   */
  void invalid(Extent at, Message message);

  /** {@link #invalid(Extent, Message)} with a message no bundle holds yet. */
  default void invalid(Extent at, String message) {
    invalid(at, Message.literal(message));
  }
}
