package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.workspace.Program;

/** Without an os the checker cannot tell which kernels and libraries a machine offers. */
public final class UnknownOsRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.UNKNOWN_OS;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    program.forEachEntity(e -> {
      if (e.kind().isMachine() && e.properties().os().isEmpty()) {
        acceptor.report(e.name(), e.describe() + " declares no os, so whether what runs on it is compatible cannot be checked");
      }
    });
  }
}
