package dev.topo.check.fix;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Library;
import dev.topo.model.Load;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
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
  public static List<Fix> at(Program program, int start, int end) {
    FixContext context = new FixContext(program);
    List<Fix> fixes = new ArrayList<>();
    moveToOwnPod(context, start, end).ifPresent(fixes::add);
    return fixes;
  }

  /**
   * Moves a {@code load high} module out of a host or VM it shares with other modules: the
   * module block (with the comment lines just above it) leaves the machine and becomes the
   * body of {@code pod M { container M { os; cpu; memory; image; libraries; module } }},
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
    Layout layout = context.layout(module.span().source());
    Optional<Node> moduleNode = layout.block(module.span());
    if (moduleNode.isEmpty() || moduleNode.get().close() < 0) {
      return Optional.empty();
    }
    Moved moved = moved(layout, moduleNode.get().span());

    String podName = freeName(program, module.name().text(), "-pod", List.of());
    Optional<Entity> cluster = clusterOf(program, machine);
    List<Edit> edits = new ArrayList<>();
    edits.add(moved.removal());
    String title;
    if (cluster.isPresent()) {
      Layout clusterLayout = context.layout(cluster.get().span().source());
      Optional<Node> clusterNode = clusterLayout.block(cluster.get().span());
      Optional<Edit> add = clusterNode.flatMap(node -> clusterLayout.addAtEnd(node,
          pod(clusterLayout.unit(), podName, module, machine, moved.text(), moved.indent())));
      if (add.isEmpty()) {
        return Optional.empty();
      }
      edits.add(add.get());
      title = "Move " + module.describe() + " into a container in its own pod in " + cluster.get().describe();
    } else {
      Entity top = machine;
      while (program.parent(top).isPresent()) {
        top = program.parent(top).get();
      }
      Optional<Node> topNode = layout.block(top.span());
      if (topNode.isEmpty()) {
        return Optional.empty();
      }
      String clusterName = freeName(program, machine.name().text(), "-pods", List.of(podName));
      String unit = layout.unit();
      String text = "cluster " + clusterName + " {\n" + unit + "nodes " + machine.name().text() + "\n\n"
          + indentLines(unit, pod(unit, podName, module, machine, moved.text(), moved.indent())) + "\n}";
      int after = topNode.get().span().end();
      int at = layout.endsLine(after) ? layout.lineEnd(after) : after;
      String nl = layout.newline();
      edits.add(Edit.insert(layout.uri(), at,
          nl + nl + layout.indented(layout.indent(top.span().start()), text)));
      title = "Move " + module.describe() + " into a container in its own pod in a new cluster '" + clusterName + "'";
    }
    if (machine.properties().runtime().isEmpty()) {
      // A node with no runtime cannot run the pod (missing-runtime): the move would break it.
      Optional<Edit> runtime = layout.block(machine.span())
          .flatMap(node -> layout.addProperties(node, List.of("runtime " + QuickFixes.RUNTIME_FOR_NODES)));
      if (runtime.isEmpty()) {
        return Optional.empty();
      }
      edits.add(runtime.get());
      title += ", adding 'runtime " + QuickFixes.RUNTIME_FOR_NODES + "' to " + machine.describe();
    }
    return Optional.of(new Fix(title, Fix.Kind.REFACTOR_EXTRACT, Optional.empty(), false, edits));
  }

  /** The module's text, as it leaves, and the edit that takes it away. */
  private record Moved(String text, String indent, Edit removal) {}

  private static Moved moved(Layout layout, Span module) {
    String text = layout.text();
    if (!layout.startsLine(module.start()) || !layout.endsLine(module.end())) {
      return new Moved(layout.textOf(module), "", layout.remove(module));
    }
    // Whole lines: the module's own, and the comment lines glued above it that speak of it.
    int start = layout.lineStart(module.start());
    while (start > 0) {
      int previous = layout.lineStart(start - 1);
      int first = layout.skipBlanks(previous);
      if (!text.startsWith("//", first) || previous == start) {
        break;
      }
      start = previous;
    }
    int end = layout.nextLineStart(module.end());
    String lines = text.substring(start, layout.lineEnd(module.end()));
    // Keep one blank line, not two, where the module stood between blank lines.
    int before = start > 0 ? layout.lineStart(start - 1) : -1;
    boolean blankBefore = before >= 0 && before < start && blankLine(layout, before);
    boolean blankAfter = end < text.length() && blankLine(layout, end);
    if (blankBefore && blankAfter) {
      end = layout.nextLineStart(end);
    }
    String indent = layout.indent(module.start());
    return new Moved(lines.replace("\r\n", "\n").replace('\r', '\n'), indent,
        Edit.delete(new Span(layout.uri(), start, end)));
  }

  private static boolean blankLine(Layout layout, int lineStart) {
    int i = layout.skipBlanks(lineStart);
    return i >= layout.text().length() || layout.text().charAt(i) == '\n' || layout.text().charAt(i) == '\r';
  }

  /**
   * The pod, in lines separated by "\n" and indented from column 0 with the file's unit; the
   * module's lines keep their own indentation relative to the module's first line.
   */
  private static String pod(String unit, String podName, Entity module, Entity machine, String moduleText,
      String moduleIndent) {
    List<String> body = new ArrayList<>();
    machine.properties().osFamily().ifPresent(f -> body.add("os " + f.word()));
    body.add(QuickFixes.CPU_LIMIT);
    body.add(QuickFixes.MEMORY_LIMIT);
    body.add("image \"" + IMAGE + "\"");
    for (Requirement requirement : module.requirements()) {
      Optional<Library> provided = machine.library(requirement.library().text());
      provided.filter(l -> !l.versionText().isEmpty() && body.stream().noneMatch(b -> b.startsWith("library " + l.name().text() + " ")))
          .ifPresent(l -> body.add("library " + l.name().text() + " \"" + l.versionText() + "\""));
    }
    StringBuilder pod = new StringBuilder();
    pod.append("pod ").append(podName).append(" {\n");
    pod.append(unit).append("container ").append(module.name().text()).append(" {\n");
    for (String statement : body) {
      pod.append(unit).append(unit).append(statement).append('\n');
    }
    for (String line : moduleText.split("\n", -1)) {
      String relative = line.startsWith(moduleIndent) ? line.substring(moduleIndent.length()) : line.stripLeading();
      pod.append(relative.isBlank() ? "" : unit + unit + relative).append('\n');
    }
    pod.append(unit).append("}\n}");
    return pod.toString();
  }

  private static String indentLines(String indent, String lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines.split("\n", -1)) {
      out.add(line.isBlank() ? "" : indent + line);
    }
    return String.join("\n", out);
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
