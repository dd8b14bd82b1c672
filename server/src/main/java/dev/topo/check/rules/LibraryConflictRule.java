package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.model.Related;
import dev.topo.model.Requirement;
import dev.topo.model.VersionRange;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules placed directly in one host, one VM or one container share its libraries, and an
 * environment provides one version of a library: when no single version satisfies every range
 * its modules require of one library, they cannot all be served. Separate containers, each
 * with its own image, exist to avoid exactly this.
 *
 * <p>Each pair of modules whose ranges have no version in common is a finding on the later
 * one. Ranges can also overlap two by two and still have nothing in common all together
 * ({@code 11||17}, {@code 17||21}, {@code 11||21}); such a set is one finding on its last
 * module, naming them all.
 */
public final class LibraryConflictRule implements Rule {
  private static final Info INFO = new Info("library-conflict", Severity.WARNING,
      "Modules sharing one environment need versions of a library that no single version satisfies",
      "Modules directly in the same host, the same VM or the same container require one library, and no single"
          + " version satisfies all their ranges: each pair without a common version is a finding, and a set of"
          + " modules whose ranges overlap pair by pair but not all together is one.",
      "the later module's `requires`, with a note at the earlier one (for a set: the last module's, with a note"
          + " at each other)");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** One module's requirement of a library, in the order the modules are written. */
  private record Need(Entity module, Requirement requirement, VersionRange range) {}

  @Override
  public void check(Program program, Acceptor acceptor) {
    program.forEachChecked(environment -> {
      List<Entity> modules = environment.kind().isMachine() ? environment.children(EntityKind.MODULE) : List.of();
      if (modules.size() > 1) {
        for (List<Need> needs : byLibrary(modules).values()) {
          if (needs.size() > 1) {
            check(program, environment, needs, acceptor);
          }
        }
      }
    });
  }

  /** The modules' readable requirements, grouped by library, in module order. */
  private static Map<String, List<Need>> byLibrary(List<Entity> modules) {
    Map<String, List<Need>> needs = new LinkedHashMap<>();
    for (Entity module : modules) {
      for (Requirement requirement : module.requirements()) {
        requirement.range().ifPresent(range -> needs.computeIfAbsent(requirement.library().text(),
            k -> new ArrayList<>()).add(new Need(module, requirement, range)));
      }
    }
    return needs;
  }

  private static void check(Program program, Entity environment, List<Need> needs, Acceptor acceptor) {
    boolean pairConflicts = false;
    for (int j = 1; j < needs.size(); j++) {
      Need later = needs.get(j);
      for (int i = 0; i < j; i++) {
        Need earlier = needs.get(i);
        if (!earlier.range().intersects(later.range())) {
          pairConflicts = true;
          acceptor.report(later.requirement(), Message.of("library-conflict.pair", describe(later), describe(earlier),
              environment.described()), List.of(note(program, earlier)));
        }
      }
    }
    if (!pairConflicts && !VersionRange.commonVersionExists(needs.stream().map(Need::range).toList())) {
      Need last = needs.get(needs.size() - 1);
      List<Need> others = needs.subList(0, needs.size() - 1);
      String library = last.requirement().library().text();
      acceptor.report(last.requirement(), Message.of("library-conflict.all", Message.and(needs.stream()
              .map(n -> Message.of("library-conflict.range", n.module().described(), n.requirement().rangeText())).toList()),
              library, environment.described()),
          others.stream().map(n -> note(program, n)).toList());
    }
  }

  private static Message describe(Need need) {
    return Message.of("library-conflict.requires", need.module().described(), need.requirement().library().text(),
        need.requirement().rangeText());
  }

  private static Related note(Program program, Need need) {
    return Acceptor.related(program, need.requirement(), describe(need));
  }
}
