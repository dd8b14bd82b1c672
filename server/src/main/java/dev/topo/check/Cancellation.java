package dev.topo.check;

import java.util.concurrent.CancellationException;

/** Asked between the phases and rules of an analysis whether its result is still wanted. */
@FunctionalInterface
public interface Cancellation {
  Cancellation NONE = () -> false;

  boolean isCancelled();

  default void check() {
    if (isCancelled()) {
      throw new CancellationException("analysis cancelled");
    }
  }
}
