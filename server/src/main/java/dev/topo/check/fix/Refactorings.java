package dev.topo.check.fix;

import dev.topo.check.Fix;
import dev.topo.check.FixContext;
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
import dev.topo.model.Span;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.SyntaxSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    if (found.isEmpty() || found.get().kind() != EntityKind.MODULE || !found.get().span().contains(end)) {
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
    Optional<Node> moduleNode = editor.block(module.span());
    if (moduleNode.isEmpty() || moduleNode.get().close() < 0) {
      return Optional.empty();
    }
    Moved moved = moved(editor, moduleNode.get().span());

    String podName = freeName(program, module.name().text(), "-pod", List.of());
    Optional<Entity> cluster = clusterOf(program, machine);
    List<SourceEdit> edits = new ArrayList<>();
    edits.add(moved.removal());
    Message title;
    if (cluster.isPresent()) {
      StatementEditor clusterEditor = context.editor(cluster.get().span().source());
      Optional<Node> clusterNode = clusterEditor.block(cluster.get().span());
      Optional<SourceEdit> add = clusterNode.flatMap(node -> clusterEditor.addAtEnd(node,
          indent -> render(pod(podName, module, machine, moved), indent, clusterEditor.unit())));
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
      Optional<Node> topNode = editor.block(top.span());
      if (topNode.isEmpty()) {
        return Optional.empty();
      }
      String clusterName = freeName(program, machine.name().text(), "-pods", List.of(podName));
      List<Line> lines = new ArrayList<>();
      lines.add(new Line(0, "cluster " + Name.written(clusterName) + " {", false));
      lines.add(new Line(1, "nodes " + Name.written(machine.name().text()), false));
      lines.add(new Line(0, "", false));
      for (Line line : pod(podName, module, machine, moved)) {
        lines.add(new Line(line.depth() + 1, line.text(), line.verbatim()));
      }
      lines.add(new Line(0, "}", false));
      int after = topNode.get().span().end();
      int at = editor.endsLine(after) ? editor.lineEnd(after) : after;
      String nl = editor.newline();
      edits.add(SourceEdit.insert(editor.uri(), at,
          nl + nl + String.join(nl, render(lines, editor.indent(top.span().start()), editor.unit()))));
      title = Message.of("refactor.move.new", module.described(), Message.of("entity.cluster", "'" + clusterName + "'"));
    }
    if (machine.properties().runtime().isEmpty()) {
      // A node with no runtime cannot run the pod (missing-runtime): the move would break it.
      Optional<SourceEdit> runtime = editor.block(machine.span())
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

  /**
   * The module's text as it leaves, the indentation of its first line, the edit that takes
   * it away, and which of its lines start inside a block comment (those keep their white
   * space, which belongs to the comment).
   */
  private record Moved(String text, String indent, SourceEdit removal, Set<Integer> inComment) {}

  private static Moved moved(StatementEditor editor, Span module) {
    String text = editor.text();
    if (!editor.startsLine(module.start()) || !editor.endsLine(module.end())) {
      return new Moved(editor.textOf(module), "", editor.remove(module), Set.of());
    }
    // Whole lines: the module's own, and the comment lines glued above it that speak of it.
    int start = editor.lineStart(module.start());
    while (start > 0) {
      int previous = editor.lineStart(start - 1);
      int first = editor.skipBlanks(previous);
      if (!text.startsWith("//", first) || previous == start) {
        break;
      }
      start = previous;
    }
    int end = editor.nextLineStart(module.end());
    String lines = text.substring(start, editor.lineEnd(module.end()));
    // Keep one blank line, not two, where the module stood between blank lines.
    int before = start > 0 ? editor.lineStart(start - 1) : -1;
    boolean blankBefore = before >= 0 && before < start && blankLine(editor, before);
    boolean blankAfter = end < text.length() && blankLine(editor, end);
    if (blankBefore && blankAfter) {
      end = editor.nextLineStart(end);
    }
    String indent = editor.indent(module.start());
    Set<Integer> inComment = new HashSet<>();
    int line = 0;
    for (int at = start; at < module.end(); at = editor.nextLineStart(at), line++) {
      for (Span comment : editor.statements().comments()) {
        if (comment.start() < at && at < comment.end()) {
          inComment.add(line);
        }
      }
      if (editor.nextLineStart(at) == at) {
        break;
      }
    }
    return new Moved(lines.replace("\r\n", "\n").replace('\r', '\n'), indent,
        SourceEdit.delete(new Span(editor.uri(), start, end)), inComment);
  }

  private static boolean blankLine(StatementEditor editor, int lineStart) {
    int i = editor.skipBlanks(lineStart);
    return i >= editor.text().length() || editor.text().charAt(i) == '\n' || editor.text().charAt(i) == '\r';
  }

  /**
   * A line of new text: its depth in indentation units below where the text is put, or its
   * exact text when it is inside a block comment.
   */
  private record Line(int depth, String text, boolean verbatim) {}

  private static List<String> render(List<Line> lines, String base, String unit) {
    List<String> out = new ArrayList<>();
    for (Line line : lines) {
      out.add(line.verbatim() ? line.text() : line.text().isBlank() ? "" : base + unit.repeat(line.depth()) + line.text());
    }
    return out;
  }

  /** The pod; the module's lines keep their indentation relative to the module's first line. */
  private static List<Line> pod(String podName, Entity module, Entity machine, Moved moved) {
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
    String[] lines = moved.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (moved.inComment().contains(i)) {
        pod.add(new Line(0, line, true));
      } else {
        pod.add(new Line(2, line.startsWith(moved.indent()) ? line.substring(moved.indent().length()) : line.stripLeading(),
            false));
      }
    }
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

  /** A name no host, VM, cluster or pod has: the wished one, else with a suffix and a number. */
  private static String freeName(Program program, String wished, String suffix, List<String> taken) {
    if (free(program, wished, taken)) {
      return wished;
    }
    String candidate = wished + suffix;
    for (int i = 2; !free(program, candidate, taken); i++) {
      candidate = wished + suffix + "-" + i;
    }
    return candidate;
  }

  private static boolean free(Program program, String name, List<String> taken) {
    return program.globallyNamed(name).isEmpty() && !taken.contains(name);
  }
}
