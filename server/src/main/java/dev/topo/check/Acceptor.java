package dev.topo.check;

import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * Where a rule reports. A rule names the model element a finding concerns and never
 * computes a range itself; the checker decides severity, suppression and which document's
 * findings are wanted. What the rule's fixes will need to know goes with the finding as its
 * data, so that they never read it back out of the text.
 */
public interface Acceptor {
  void report(Located at, Message message, List<Related> related, Finding.Data data);

  default void report(Located at, Message message, List<Related> related) {
    report(at, message, related, Finding.Data.NONE);
  }

  default void report(Located at, Message message) {
    report(at, message, List.of());
  }

  /** A note at an element of the program, to go with a finding. */
  static Related related(Program program, Located at, Message message) {
    return new Related(program.span(at), message);
  }
}
