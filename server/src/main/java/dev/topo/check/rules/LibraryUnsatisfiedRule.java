package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Library;
import dev.topo.model.Message;
import dev.topo.model.Requirement;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/**
 * A module sees the libraries of the block that encloses it: a container's come from its
 * image (never from the host underneath), a VM's from its guest OS, a host's from its OS.
 */
public final class LibraryUnsatisfiedRule implements Rule {
  private static final Info INFO = new Info("library-unsatisfied", Severity.WARNING,
      "A module needs a library its environment does not provide at a matching version",
      "A module requires a library that its **enclosing block only** does not declare, or declares at a "
          + "version outside the range. The enclosing block is the container (its image) for a module in a "
          + "container, the VM for a module in a VM, and the host for a module in a host. A container does not "
          + "see its host's libraries, and a VM does not see its host's.",
      "the `requires`");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity module : program.checked(EntityKind.MODULE)) {
      Optional<Entity> environment = program.parent(module);
      if (environment.isEmpty()) {
        continue;
      }
      Entity env = environment.get();
      for (Requirement need : module.requirements()) {
        if (need.range().isEmpty()) {
          continue;
        }
        Optional<Library> provided = env.library(need.library().text());
        if (provided.isEmpty()) {
          Message where = Message.of(env.kind() == EntityKind.CONTAINER ? "library-unsatisfied.image"
              : "library-unsatisfied.its", env.described());
          acceptor.report(need, Message.of("library-unsatisfied.missing", module.described(), need.library().text(),
              need.rangeText(), where));
        } else if (provided.get().version().isPresent() && !need.range().get().contains(provided.get().version().get())) {
          acceptor.report(need, Message.of("library-unsatisfied.outside", module.described(), need.library().text(),
                  need.rangeText(), env.described(), provided.get().versionText()),
              List.of(Acceptor.related(program, provided.get(), Message.of("library-unsatisfied.note", env.described(),
                  need.library().text(), provided.get().versionText()))));
        }
      }
    }
  }
}
