package dev.topo.workspace;

import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.Label;
import dev.topo.model.OsFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The labels a node has, as a scheduler matches a pod's selectors against them: those it
 * declares, and the built-in {@code os} and {@code arch} taken from its own facts (a node
 * that does not declare one has no such label).
 */
final class NodeLabels {
  private NodeLabels() {}

  /** Whether a node carries a label that the selector asks for. */
  static boolean matches(Program program, Entity node, Label selector) {
    Optional<Label.BuiltIn> builtIn = selector.builtIn();
    if (builtIn.isEmpty()) {
      return node.properties().labels().stream()
          .anyMatch(l -> l.key().text().equals(selector.key().text()) && l.value().text().equals(selector.value().text()));
    }
    String wanted = selector.value().text();
    return switch (builtIn.get()) {
      case OS -> node.properties().osFamily().map(OsFamily::word)
          .filter(w -> w.equals(wanted.toLowerCase(Locale.ROOT))).isPresent();
      case ARCH -> program.arch(node).filter(a -> Arch.fromWord(wanted).equals(Optional.of(a))).isPresent();
    };
  }

  /** Every label of a node as {@code key=value}, the built-ins first, for hovers. */
  static List<String> describe(Program program, Entity node) {
    List<String> labels = new ArrayList<>();
    node.properties().osFamily().ifPresent(f -> labels.add("os=" + f.word()));
    program.arch(node).ifPresent(a -> labels.add("arch=" + a.word()));
    node.properties().labels().forEach(l -> labels.add(l.key().text() + "=" + l.value().text()));
    return labels;
  }
}
