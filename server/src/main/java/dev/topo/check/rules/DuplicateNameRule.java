package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hosts, VMs, clusters and pods share one scope, the program; containers and modules are
 * unique within their block, and so are a block's libraries and a module's requirements.
 * Every declaration after the first is reported, pointing back at the first.
 */
public final class DuplicateNameRule implements Rule {
  private static final Info INFO = new Info("duplicate-name", Severity.ERROR,
      "A name is declared twice in the same scope",
      "A name is declared twice in its [scope](#names-and-scopes). Every declaration after the first in "
          + "program order is reported.",
      "the later name, with a note at the first");

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (List<Entity> sameName : program.globalNames().values()) {
      Entity first = sameName.get(0);
      for (Entity again : sameName.subList(1, sameName.size())) {
        List<Related> firstHere =
            List.of(Acceptor.related(first.name(), Message.of("duplicate-name.here", first.described())));
        if (again.span().source().equals(program.root().uri())) {
          acceptor.report(again.name(), Message.of("duplicate-name.global", again.described(), first.described()),
              firstHere);
        } else {
          // Both are in imported files, each fine alone: only this program sees the clash.
          program.rootImportOf(again.span().source()).ifPresent(through -> acceptor.report(through::pathSpan,
              Message.of("duplicate-name.imported", again.described(), fileName(again), first.described(), fileName(first)),
              List.of(firstHere.get(0),
                  Acceptor.related(again.name(), Message.of("duplicate-name.here", again.described())))));
        }
      }
    }
    program.forEachEntity(parent -> {
      for (EntityKind kind : List.of(EntityKind.CONTAINER, EntityKind.MODULE)) {
        reportRepeats(parent.children(kind), Entity::name, parent, "entity." + kind.keyword(), acceptor);
      }
      reportRepeats(parent.libraries(), l -> l.name(), parent, "duplicate-name.library", acceptor);
      reportRepeats(parent.requirements(), r -> r.library(), parent, "duplicate-name.requirement", acceptor);
    });
  }

  private static String fileName(Entity entity) {
    String path = entity.span().source().getPath();
    return path == null ? entity.span().source().toString() : path.substring(path.lastIndexOf('/') + 1);
  }

  /** @param what the key of how a message names one item, given its quoted name */
  private static <T extends Located> void reportRepeats(List<T> items, Function<T, Name> name, Entity parent,
      String what, Acceptor acceptor) {
    if (items.size() < 2) {
      return;
    }
    Map<String, T> first = new HashMap<>();
    for (T item : items) {
      Name n = name.apply(item);
      T earlier = first.putIfAbsent(n.text(), item);
      if (earlier != null) {
        acceptor.report(n, Message.of("duplicate-name.repeated", Message.of(what, "'" + n.text() + "'"), parent.described()),
            List.of(Acceptor.related(name.apply(earlier), Message.of("duplicate-name.first"))));
      }
    }
  }
}
