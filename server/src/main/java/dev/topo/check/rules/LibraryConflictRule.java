package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Requirement;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * Modules installed directly on one OS (a host's or a VM's, not in containers) share its
 * libraries: two of them that need versions of one library that no single version satisfies
 * cannot both be served. Containers exist to avoid exactly this.
 */
public final class LibraryConflictRule implements Rule {
  private static final Info INFO = new Info("library-conflict", Severity.WARNING,
      "Modules sharing one OS need versions of a library that no single version satisfies",
      "Two modules directly in the same host or the same VM both require one library, and their ranges have"
          + " no version in common. Modules in containers are not compared.",
      "the later module's `requires`, with a note at the earlier one");

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    program.forEachEntity(machine -> {
      if (machine.kind() == EntityKind.HOST || machine.kind() == EntityKind.VM) {
        checkModules(machine, machine.children(EntityKind.MODULE), acceptor);
      }
    });
  }

  private static void checkModules(Entity machine, List<Entity> modules, Acceptor acceptor) {
    for (int j = 1; j < modules.size(); j++) {
      Entity later = modules.get(j);
      for (Requirement need : later.requirements()) {
        for (int i = 0; i < j; i++) {
          Entity earlier = modules.get(i);
          Requirement conflicting = conflict(need, earlier);
          if (conflicting != null) {
            acceptor.report(need, later.describe() + " requires " + need.library().text() + " \"" + need.rangeText()
                + "\" but " + earlier.describe() + " on the same " + machine.describe() + " requires \""
                + conflicting.rangeText() + "\": no single version satisfies both",
                List.of(Acceptor.related(conflicting, earlier.describe() + " requires " + need.library().text()
                    + " \"" + conflicting.rangeText() + "\"")));
            break;
          }
        }
      }
    }
  }

  private static Requirement conflict(Requirement need, Entity other) {
    if (need.range().isEmpty()) {
      return null;
    }
    for (Requirement theirs : other.requirements()) {
      if (theirs.library().text().equals(need.library().text()) && theirs.range().isPresent()
          && !theirs.range().get().intersects(need.range().get())) {
        return theirs;
      }
    }
    return null;
  }
}
