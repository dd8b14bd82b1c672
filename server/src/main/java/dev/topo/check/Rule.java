package dev.topo.check;

import dev.topo.workspace.Program;

/** One check over a linked program. Rules are stateless: one instance serves every analysis. */
public interface Rule {
  RuleId id();

  void check(Program program, Acceptor acceptor);
}
