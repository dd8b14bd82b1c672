package dev.topo.model;

import java.util.Optional;

/**
 * A property statement such as {@code cpu 4} or {@code os linux "rhel 7"}.
 *
 * @param span the whole statement
 * @param valueSpan what follows the keyword
 * @param value the meaning of the value, or null when it was written but is invalid (an
 *     invalid-value finding says why); rules then know the property is present but not its
 *     value, so they neither complain that it is missing nor reason with a wrong value
 */
public record Property<T>(Extent span, Extent valueSpan, T value) implements Located {
  public Optional<T> known() {
    return Optional.ofNullable(value);
  }
}
