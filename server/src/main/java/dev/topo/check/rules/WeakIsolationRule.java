package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.check.Words;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Name;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * A privileged container, or one that joins the host's namespaces, is no longer walled off
 * from the host OS: whoever takes it over reaches the host and every container on it.
 */
public final class WeakIsolationRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.WEAK_ISOLATION;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      container.properties().privileged().filter(p -> Boolean.TRUE.equals(p.value())).ifPresent(p ->
          acceptor.report(p, container.describe() + " is privileged: a compromise of it reaches the host OS"
              + " and every container on it"));
      container.properties().share().ifPresent(share -> {
        List<String> namespaces = share.known().orElse(List.of()).stream().map(Name::text).toList();
        if (!namespaces.isEmpty()) {
          acceptor.report(share, container.describe() + " shares the host's " + Words.and(namespaces)
              + (namespaces.size() == 1 ? " namespace" : " namespaces")
              + ": it sees and can touch what the host and other containers do there");
        }
      });
    }
  }
}
