package dev.topo.check.fix;

import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.edit.FreeNames;
import dev.topo.check.edit.MovedBlock;
import dev.topo.check.edit.MovedBlock.Line;
import dev.topo.check.edit.SourceEdit;
import dev.topo.check.edit.StatementEditor;
import dev.topo.check.rules.MissingLimitsRule;
import dev.topo.check.rules.MissingRuntimeRule;
import dev.topo.check.rules.SingleReplicaRule;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Library;
import dev.topo.model.Load;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Requirement;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.SyntaxSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to the shape of a topology that no finding asks for by itself. The one there is
 * answers {@code scaling-granularity}: a busy module installed beside others on a host or
 * VM moves into a container of its own, in a pod of its own, on a cluster whose nodes
 * include that machine, so that it scales alone.
 */
public final class Refactorings {
  /** The image of the new container: something a reader sees at once must be replaced. */
  static final String IMAGE = "REPLACE-ME:1.0";

  private Refactorings() {}

  /** The refactorings offered for a stretch of the root file (a cursor is an empty one). */
  public static List<Fix> at(Program program, SyntaxSource syntaxes, int start, int end) {
    FixContext context = new FixContext(program, syntaxes);
    List<Fix> fixes = new ArrayList<>();
    moveToOwnPod(context, start, end).ifPresent(fixes::add);
    return fixes;
  }

  /**
   * Moves a {@code load high} module out of a host or VM it shares with other modules: the
   * module block (with the comment lines just above it) leaves the machine and becomes the
   * body of {@code pod M { replicas 2; container M { os; cpu; memory; image; libraries; module } }},
   * added to a cluster that already lists the machine as a node, or to a new cluster after
   * the machine's declaration. The container gets the machine's OS family, so that it
   * matches its kernel, and the machine's versions of the libraries the module requires,
   * since a container's image brings its own; the machine gets a runtime if it has none.
   */
  static Optional<Fix> moveToOwnPod(FixContext context, int start, int end) {
    Program program = context.program();
    Optional<Entity> found = Locator.enclosing(context.root(), start);
    if (found.isEmpty() || found.get().kind() != EntityKind.MODULE || !program.span(found.get()).contains(end)) {
      return Optional.empty();
    }
    Entity module = found.get();
    if (module.properties().load().flatMap(p -> p.known()).filter(l -> l == Load.HIGH).isEmpty()) {
      return Optional.empty();
    }
    Optional<Entity> parent = program.parent(module);
    if (parent.isEmpty() || (parent.get().kind() != EntityKind.HOST && parent.get().kind() != EntityKind.VM)
        || parent.get().children(EntityKind.MODULE).size() < 2) {
      return Optional.empty();
    }
    Entity machine = parent.get();
    StatementEditor editor = context.editor(module.span().source());
    Optional<Node> moduleNode = editor.block(program.span(module));
    if (moduleNode.isEmpty() || moduleNode.get().close() < 0) {
      return Optional.empty();
    }
    MovedBlock moved = MovedBlock.of(editor, moduleNode.get().span());

    String podName = FreeNames.free(program, module.name().text(), "-pod", List.of());
    Optional<Entity> cluster = clusterOf(program, machine);
    List<SourceEdit> edits = new ArrayList<>();
    edits.add(moved.removal());
    Message title;
    if (cluster.isPresent()) {
      StatementEditor clusterEditor = context.editor(cluster.get().span().source());
      Optional<Node> clusterNode = clusterEditor.block(program.span(cluster.get()));
      Optional<SourceEdit> add = clusterNode.flatMap(node -> clusterEditor.addAtEnd(node,
          indent -> MovedBlock.render(pod(podName, module, machine, moved), indent, clusterEditor.unit())));
      if (add.isEmpty()) {
        return Optional.empty();
      }
      edits.add(add.get());
      title = Message.of("refactor.move", module.described(), cluster.get().described());
    } else {
      Entity top = machine;
      while (program.parent(top).isPresent()) {
        top = program.parent(top).get();
      }
      Optional<Node> topNode = editor.block(program.span(top));
      if (topNode.isEmpty()) {
        return Optional.empty();
      }
      String clusterName = FreeNames.free(program, machine.name().text(), "-pods", List.of(podName));
      List<Line> lines = new ArrayList<>();
      lines.add(new Line(0, "cluster " + Name.written(clusterName) + " {", false));
      lines.add(new Line(1, "nodes " + Name.written(machine.name().text()), false));
      lines.add(new Line(0, "", false));
      for (Line line : pod(podName, module, machine, moved)) {
        lines.add(line.deeper(1));
      }
      lines.add(new Line(0, "}", false));
      int after = topNode.get().span().end();
      int at = editor.endsLine(after) ? editor.lineEnd(after) : after;
      String nl = editor.newline();
      edits.add(SourceEdit.insert(editor.uri(), at,
          nl + nl + String.join(nl, MovedBlock.render(lines, editor.indent(program.span(top).start()), editor.unit()))));
      title = Message.of("refactor.move.new", module.described(), Message.of("entity.cluster", "'" + clusterName + "'"));
    }
    if (machine.properties().runtime().isEmpty()) {
      // A node with no runtime cannot run the pod (missing-runtime): the move would break it.
      Optional<SourceEdit> runtime = editor.block(program.span(machine))
          .flatMap(node -> editor.addProperties(node, List.of("runtime " + MissingRuntimeRule.RUNTIME_FOR_NODES)));
      if (runtime.isEmpty()) {
        return Optional.empty();
      }
      edits.add(runtime.get());
      title = Message.of("refactor.move.runtime", title, "runtime " + MissingRuntimeRule.RUNTIME_FOR_NODES,
          machine.described());
    }
    return Optional.of(new Fix(title, Optional.empty(), false, edits));
  }

  /** The pod; the module's lines keep their indentation relative to the module's first line. */
  private static List<Line> pod(String podName, Entity module, Entity machine, MovedBlock moved) {
    List<String> body = new ArrayList<>();
    machine.properties().osFamily().ifPresent(f -> body.add("os " + f.word()));
    body.add(MissingLimitsRule.CPU_LIMIT);
    body.add(MissingLimitsRule.MEMORY_LIMIT);
    body.add("image \"" + IMAGE + "\"");
    for (Requirement requirement : module.requirements()) {
      Optional<Library> provided = machine.library(requirement.library().text());
      provided.filter(l -> !l.versionText().isEmpty() && body.stream().noneMatch(b -> b.startsWith("library " + l.name().text() + " ")))
          .ifPresent(l -> body.add("library " + l.name().text() + " \"" + l.versionText() + "\""));
    }
    List<Line> pod = new ArrayList<>();
    pod.add(new Line(0, "pod " + Name.written(podName) + " {", false));
    // The module moves because it is busy: one replica would leave it single-replica.
    pod.add(new Line(1, "replicas " + SingleReplicaRule.REPLICAS, false));
    pod.add(new Line(1, "container " + Name.written(module.name().text()) + " {", false));
    for (String statement : body) {
      pod.add(new Line(2, statement, false));
    }
    pod.addAll(moved.lines(2));
    pod.add(new Line(1, "}", false));
    pod.add(new Line(0, "}", false));
    return pod;
  }

  /** A cluster of the program whose nodes include the machine: one of the root file first. */
  private static Optional<Entity> clusterOf(Program program, Entity machine) {
    Optional<Entity> any = Optional.empty();
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      if (program.nodesOf(cluster).contains(machine)) {
        if (cluster.span().source().equals(program.root().uri())) {
          return Optional.of(cluster);
        }
        any = any.or(() -> Optional.of(cluster));
      }
    }
    return any;
  }

}
