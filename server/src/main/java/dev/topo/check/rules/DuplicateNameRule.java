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
import dev.topo.model.Import;
import java.net.URI;
import java.util.HashMap;
import java.util.Optional;
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

  /** How messages name a container and a module, made once rather than for every entity checked. */
  private static final String CONTAINER_KEY = "entity." + EntityKind.CONTAINER.keyword();
  private static final String MODULE_KEY = "entity." + EntityKind.MODULE.keyword();

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    checkRoot(program, acceptor);
    if (program.root().imports().size() > 1) {
      checkBetweenImports(program, acceptor);
    }
    program.forEachChecked(parent -> {
      if (parent.children().size() < 2 && parent.libraries().size() < 2 && parent.requirements().size() < 2) {
        return; // nothing to repeat: most entities, looked at without gathering their children by kind
      }
      reportRepeats(program, parent.children(EntityKind.CONTAINER), Entity::name, parent, CONTAINER_KEY, acceptor);
      reportRepeats(program, parent.children(EntityKind.MODULE), Entity::name, parent, MODULE_KEY, acceptor);
      reportRepeats(program, parent.libraries(), l -> l.name(), parent, "duplicate-name.library", acceptor);
      reportRepeats(program, parent.requirements(), r -> r.library(), parent, "duplicate-name.requirement", acceptor);
    });
  }

  /** Each declaration of the root after the first of its name in program order (imports come first). */
  private static void checkRoot(Program program, Acceptor acceptor) {
    for (Map.Entry<String, List<Entity>> own : program.globalNamesIn(program.root()).entrySet()) {
      Entity first = program.firstNamed(own.getKey()).orElseThrow();
      for (Entity again : own.getValue()) {
        if (again != first) {
          acceptor.report(again.name(), Message.of("duplicate-name.global", again.described(), first.described()),
              List.of(here(program, first)));
        }
      }
    }
  }

  /**
   * Two imported files that declare one name, each fine alone, reached through different
   * imports of the root: only this program sees the clash, so it is reported at the import
   * that brought the later one. A clash that one import brings whole is its file's to report.
   */
  private static void checkBetweenImports(Program program, Acceptor acceptor) {
    URI root = program.root().uri();
    for (List<Entity> sameName : program.globalNames().values()) {
      Entity first = sameName.get(0);
      Optional<Import> firstThrough = program.rootImportOf(first.span().source());
      for (Entity again : sameName.subList(1, sameName.size())) {
        URI file = again.span().source();
        Optional<Import> through = program.rootImportOf(file);
        if (!file.equals(root) && through.isPresent() && !through.equals(firstThrough)) {
          acceptor.report(through.get()::pathSpan,
              Message.of("duplicate-name.imported", again.described(), fileName(again), first.described(), fileName(first)),
              List.of(here(program, first), here(program, again)));
        }
      }
    }
  }

  private static Related here(Program program, Entity entity) {
    return Acceptor.related(program, entity.name(), Message.of("duplicate-name.here", entity.described()));
  }

  private static String fileName(Entity entity) {
    String path = entity.span().source().getPath();
    return path == null ? entity.span().source().toString() : path.substring(path.lastIndexOf('/') + 1);
  }

  /** Lists up to this long are searched pairwise for repeats; longer ones through a map. */
  private static final int FEW = 16;

  /** @param what the key of how a message names one item, given its quoted name */
  private static <T extends Located> void reportRepeats(Program program, List<T> items, Function<T, Name> name, Entity parent,
      String what, Acceptor acceptor) {
    if (items.size() < 2) {
      return;
    }
    // A block's few libraries or containers are compared pairwise, without a map: the blocks
    // checked again after a keystroke hold hundreds of such lists.
    Map<String, T> first = items.size() > FEW ? new HashMap<>() : null;
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      Name n = name.apply(item);
      T earlier = first != null ? first.putIfAbsent(n.text(), item) : earlierNamed(items, i, name, n.text());
      if (earlier != null) {
        acceptor.report(n, Message.of("duplicate-name.repeated", Message.of(what, "'" + n.text() + "'"), parent.described()),
            List.of(Acceptor.related(program, name.apply(earlier), Message.of("duplicate-name.first"))));
      }
    }
  }

  /** The first of the items before {@code i} with this name, or null. */
  private static <T> T earlierNamed(List<T> items, int i, Function<T, Name> name, String text) {
    for (int j = 0; j < i; j++) {
      if (name.apply(items.get(j)).text().equals(text)) {
        return items.get(j);
      }
    }
    return null;
  }
}
