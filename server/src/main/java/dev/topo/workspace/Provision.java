package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.Library;
import dev.topo.model.Requirement;
import java.util.Optional;

/**
 * How a module's {@code requires} is met: by the {@code library} of the block that encloses
 * the module (a container's image, a VM's guest OS, a host's OS), as the
 * library-unsatisfied rule judges it.
 *
 * @param environment the block the module runs in, if it has one
 * @param library the library of that name the environment provides, if any
 */
public record Provision(Entity module, Requirement requirement, Optional<Entity> environment,
    Optional<Library> library, Status status) {

  public enum Status {
    /** The environment provides the library at a version within the range. */
    SATISFIED,
    /** The environment provides the library, at a version outside the range. */
    OUT_OF_RANGE,
    /** The environment provides no library of that name. */
    NOT_PROVIDED,
    /** The range or the provided version could not be read, so nothing can be said. */
    UNKNOWN,
    /** The module is not inside a host, VM or container. */
    NO_ENVIRONMENT
  }

  public static Provision of(Program program, Entity module, Requirement requirement) {
    Optional<Entity> environment = program.parent(module).filter(e -> e.kind().isMachine());
    if (environment.isEmpty()) {
      return new Provision(module, requirement, environment, Optional.empty(), Status.NO_ENVIRONMENT);
    }
    Optional<Library> library = environment.get().library(requirement.library().text());
    Status status;
    if (library.isEmpty()) {
      status = Status.NOT_PROVIDED;
    } else if (requirement.range().isEmpty() || library.get().version().isEmpty()) {
      status = Status.UNKNOWN;
    } else {
      status = requirement.range().get().contains(library.get().version().get()) ? Status.SATISFIED : Status.OUT_OF_RANGE;
    }
    return new Provision(module, requirement, environment, library, status);
  }
}
