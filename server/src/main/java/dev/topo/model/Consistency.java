package dev.topo.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is wrong between the properties of one block, each statement valid alone: a request
 * above its limit, Hyper-V isolation for a Linux container. Reported as invalid values of
 * the statement that cannot hold given the other.
 */
public final class Consistency {
  private Consistency() {}

  public static List<Problem> problems(EntityKind kind, Properties p, Function<Extent, Span> at) {
    List<Problem> problems = new ArrayList<>();
    p.arch().filter(a -> kind != EntityKind.CONTAINER && a.known().map(List::size).orElse(0) > 1)
        .ifPresent(a -> problems.add(new Problem(ProblemCode.INVALID_VALUE, at.apply(a.valueSpan()),
            "a " + kind.keyword() + " has one architecture; only a container's image may list several")));
    if (kind == EntityKind.CONTAINER) {
      aboveLimit(p.cpuRequest(), p.cpu(), c -> c, c -> BigDecimal.valueOf(c).stripTrailingZeros().toPlainString(),
          "cpu-request", "cpu", at, problems);
      aboveLimit(p.memoryRequest(), p.memory(), q -> (double) q.bytes(), Quantity::text, "memory-request", "memory",
          at, problems);
      p.isolation().filter(i -> i.known().equals(Optional.of(Isolation.HYPERV)))
          .filter(i -> p.osFamily().equals(Optional.of(OsFamily.LINUX)))
          .ifPresent(i -> problems.add(new Problem(ProblemCode.INVALID_VALUE, at.apply(i.valueSpan()),
              "Hyper-V isolation runs Windows containers in a utility VM; a Linux container has no such isolation")));
    }
    return problems;
  }

  /** A request the scheduler could reserve but the limit would never let the container use. */
  private static <T> void aboveLimit(Optional<Property<T>> request, Optional<Property<T>> limit,
      Function<T, Double> amount, Function<T, String> written, String requestWord, String limitWord, Function<Extent, Span> at,
      List<Problem> problems) {
    if (request.isEmpty() || limit.isEmpty()) {
      return;
    }
    Optional<T> asked = request.get().known();
    Optional<T> allowed = limit.get().known();
    if (asked.isPresent() && allowed.isPresent() && amount.apply(asked.get()) > amount.apply(allowed.get())) {
      problems.add(new Problem(ProblemCode.INVALID_VALUE, at.apply(request.get().valueSpan()),
          requestWord + " " + written.apply(asked.get()) + " is above the " + limitWord + " limit "
              + written.apply(allowed.get())
              + ": a request is what the scheduler reserves, and can be at most the limit"));
    }
  }
}
