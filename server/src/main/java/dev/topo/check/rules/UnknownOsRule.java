package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Message;
import dev.topo.workspace.Program;

/** Without an os the checker cannot tell which kernels and libraries a machine offers. */
public final class UnknownOsRule implements Rule {
  private static final Info INFO = new Info("unknown-os", Severity.INFO,
      "A host, VM or container declares no os",
      "A host, VM or container has no `os` statement. An `os` with an unknown family is an `invalid-value` "
          + "finding instead.",
      "the name");

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
    program.forEachChecked(e -> {
      if (e.kind().isMachine() && e.properties().os().isEmpty()) {
        acceptor.report(e.name(), Message.of("unknown-os.message", e.described()));
      }
    });
  }
}
