package dev.topo.check.fix;

import dev.topo.check.ClosestNames;
import dev.topo.check.Finding;
import dev.topo.check.RuleId;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixes for a finding: the obvious repair where there is one, looked up by the rule's
 * id (as LemMinX maps its error codes to code actions), and for every finding a
 * {@code topo-ignore} comment that silences it. Fixes are edits as offsets; the language
 * server turns them into LSP edits.
 */
public final class QuickFixes {
  /** The runtime added to a host or VM that holds a container, and to a cluster's node. */
  static final String RUNTIME_FOR_CONTAINERS = "docker";
  static final String RUNTIME_FOR_NODES = "containerd";
  static final String HYPERVISOR = "kvm";
  static final String CPU_LIMIT = "cpu 1";
  static final String MEMORY_LIMIT = "memory 512Mi";

  /** The ids of an existing suppression comment, to extend them with one more. */
  private static final Pattern IDS = Pattern.compile(
      "//\\s*topo-ignore\\s+([A-Za-z][A-Za-z0-9-]*(?:\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*)");

  private interface Provider {
    List<Fix> fixes(FixContext context, Finding finding);
  }

  private static final Map<RuleId, Provider> PROVIDERS = new EnumMap<>(RuleId.class);

  static {
    PROVIDERS.put(RuleId.CONTAINER_OS_MISMATCH, QuickFixes::matchKernel);
    PROVIDERS.put(RuleId.MISSING_RUNTIME, QuickFixes::addRuntime);
    PROVIDERS.put(RuleId.MISSING_HYPERVISOR, QuickFixes::addHypervisor);
    PROVIDERS.put(RuleId.MISSING_LIMITS, QuickFixes::addLimits);
    PROVIDERS.put(RuleId.MISPLACED_PROPERTY, QuickFixes::removeStatement);
    PROVIDERS.put(RuleId.UNKNOWN_REFERENCE, QuickFixes::closestNode);
    PROVIDERS.put(RuleId.WEAK_ISOLATION, QuickFixes::unprivileged);
  }

  private QuickFixes() {}

  /** The fixes of one finding of the program's root file: its repairs first, then its suppression. */
  public static List<Fix> of(Program program, Finding finding) {
    return of(new FixContext(program), finding);
  }

  /** The fixes of several findings, in order, sharing the work of reading the files. */
  public static List<Fix> of(Program program, List<Finding> findings) {
    FixContext context = new FixContext(program);
    List<Fix> fixes = new ArrayList<>();
    for (Finding finding : findings) {
      fixes.addAll(of(context, finding));
    }
    return fixes;
  }

  /** The rules that have a repair of their own, besides the suppression every rule has. */
  public static Set<RuleId> repairable() {
    return Collections.unmodifiableSet(PROVIDERS.keySet());
  }

  /**
   * The preferred repair of every finding that has one, as one change; a repair whose edits
   * would touch a place another one already edits is left for a second run. Empty when there
   * is nothing to repair.
   */
  public static Optional<Fix> fixAll(Program program, List<Finding> findings) {
    FixContext context = new FixContext(program);
    List<Edit> edits = new ArrayList<>();
    int count = 0;
    for (Finding finding : findings) {
      Provider provider = PROVIDERS.get(finding.rule());
      if (provider == null) {
        continue;
      }
      for (Fix fix : provider.fixes(context, finding)) {
        if (fix.preferred() && fix.edits().stream().noneMatch(e -> edits.stream().anyMatch(o -> touch(e, o)))) {
          edits.addAll(fix.edits());
          count++;
          break;
        }
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(new Fix("Fix " + count + (count == 1 ? " problem" : " problems") + " with an obvious repair",
        Fix.Kind.FIX_ALL, Optional.empty(), false, edits));
  }

  /** Whether two edits overlap or insert at the same place, so that applying both is unsafe. */
  private static boolean touch(Edit a, Edit b) {
    if (!a.span().source().equals(b.span().source())) {
      return false;
    }
    return a.span().start() <= b.span().end() && b.span().start() <= a.span().end();
  }

  static List<Fix> of(FixContext context, Finding finding) {
    List<Fix> fixes = new ArrayList<>();
    Provider provider = PROVIDERS.get(finding.rule());
    if (provider != null) {
      fixes.addAll(provider.fixes(context, finding));
    }
    suppress(context, finding).ifPresent(fixes::add);
    return fixes;
  }

  // ---- container-os-mismatch ----

  /** Sets the container's OS to the family of the kernel it runs on, when there is one family. */
  private static List<Fix> matchKernel(FixContext context, Finding finding) {
    Program program = context.program();
    Optional<Entity> container = context.enclosing(finding.span().start(), EntityKind.CONTAINER);
    if (container.isEmpty() || container.get().properties().os().isEmpty()) {
      return List.of();
    }
    Property<OsSpec> os = container.get().properties().os().get();
    Set<OsFamily> families = new LinkedHashSet<>();
    String where;
    Optional<Entity> kernel = program.kernel(container.get());
    if (kernel.isPresent()) {
      kernel.get().properties().osFamily().ifPresent(families::add);
      where = kernel.get().describe();
    } else {
      Optional<Entity> cluster = program.cluster(container.get());
      if (cluster.isEmpty()) {
        return List.of();
      }
      for (Entity node : program.nodesOf(cluster.get())) {
        node.properties().osFamily().ifPresent(families::add);
      }
      where = "the nodes of " + cluster.get().describe();
    }
    if (families.size() != 1) {
      return List.of(); // nodes of different families: no single OS fits them all
    }
    String family = families.iterator().next().word();
    // The release named the old family's distribution ("rhel 7"), so it goes with it.
    return List.of(new Fix("Set the OS of " + container.get().describe() + " to " + family + ", the kernel of " + where,
        Fix.Kind.QUICK_FIX, Optional.of(finding), true, List.of(new Edit(os.valueSpan(), family))));
  }

  // ---- missing-runtime, missing-hypervisor, missing-limits ----

  private static List<Fix> addRuntime(FixContext context, Finding finding) {
    Program program = context.program();
    int at = finding.span().start();
    Optional<Entity> machine;
    String runtime;
    Optional<Entity> container = context.enclosing(at, EntityKind.CONTAINER);
    if (container.isPresent()) {
      machine = program.kernel(container.get());
      runtime = RUNTIME_FOR_CONTAINERS;
    } else {
      String ref = program.root().text().substring(finding.span().start(), finding.span().end());
      machine = context.enclosing(at, EntityKind.CLUSTER).flatMap(c -> program.node(ref));
      runtime = RUNTIME_FOR_NODES;
    }
    if (machine.isEmpty() || machine.get().properties().runtime().isPresent()) {
      return List.of();
    }
    return addTo(context, finding, machine.get(), List.of("runtime " + runtime),
        "Add 'runtime " + runtime + "' to " + machine.get().describe());
  }

  private static List<Fix> addHypervisor(FixContext context, Finding finding) {
    return context.enclosing(finding.span().start(), EntityKind.HOST)
        .filter(host -> host.properties().hypervisor().isEmpty())
        .map(host -> addTo(context, finding, host, List.of("hypervisor " + HYPERVISOR),
            "Add 'hypervisor " + HYPERVISOR + "' to " + host.describe()))
        .orElse(List.of());
  }

  private static List<Fix> addLimits(FixContext context, Finding finding) {
    Optional<Entity> container = context.enclosing(finding.span().start(), EntityKind.CONTAINER);
    if (container.isEmpty()) {
      return List.of();
    }
    List<String> limits = new ArrayList<>();
    if (container.get().properties().cpu().isEmpty()) {
      limits.add(CPU_LIMIT);
    }
    if (container.get().properties().memory().isEmpty()) {
      limits.add(MEMORY_LIMIT);
    }
    if (limits.isEmpty()) {
      return List.of();
    }
    List<String> quoted = limits.stream().map(l -> "'" + l + "'").toList();
    return addTo(context, finding, container.get(), limits, "Add " + String.join(" and ", quoted)
        + (limits.size() == 1 ? " limit" : " limits") + " to " + container.get().describe());
  }

  private static List<Fix> addTo(FixContext context, Finding finding, Entity block, List<String> statements,
      String title) {
    Layout layout = context.layout(block.span().source());
    return layout.block(block.span())
        .flatMap(node -> layout.addProperties(node, statements))
        .map(edit -> List.of(new Fix(title, Fix.Kind.QUICK_FIX, Optional.of(finding), true, List.of(edit))))
        .orElse(List.of());
  }

  // ---- misplaced-property ----

  /** Removes a property that is out of place or given again; a misplaced block or import is left alone. */
  private static List<Fix> removeStatement(FixContext context, Finding finding) {
    Layout layout = context.layout(finding.span().source());
    Optional<Node> statement = layout.statements().startingAt(finding.span().start())
        .filter(n -> n.span().equals(finding.span()) && !n.block() && !n.keyword().equals(Keyword.IMPORT.word()));
    if (statement.isEmpty()) {
      return List.of();
    }
    String keyword = statement.get().keyword();
    EntityKind owner = Locator.enclosing(context.root(), finding.span().start()).map(Entity::kind).orElse(null);
    boolean repeated = owner != null && Keyword.of(keyword).filter(k -> k.allowedIn(owner)).isPresent();
    String title = (repeated ? "Remove the repeated '" : "Remove the misplaced '") + keyword + "'";
    return List.of(new Fix(title, Fix.Kind.QUICK_FIX, Optional.of(finding), true,
        List.of(layout.remove(statement.get().span()))));
  }

  // ---- unknown-reference ----

  private static List<Fix> closestNode(FixContext context, Finding finding) {
    String ref = context.root().text().substring(finding.span().start(), finding.span().end());
    List<String> names = new ArrayList<>();
    context.program().forEachEntity(e -> {
      if ((e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) && !names.contains(e.name().text())) {
        names.add(e.name().text());
      }
    });
    return ClosestNames.closest(ref, names)
        .map(name -> List.of(new Fix("Change '" + ref + "' to '" + name + "'", Fix.Kind.QUICK_FIX,
            Optional.of(finding), true, List.of(new Edit(finding.span(), name)))))
        .orElse(List.of());
  }

  // ---- weak-isolation ----

  /** Only {@code privileged true} has an obvious repair; which namespaces a container may share is a design choice. */
  private static List<Fix> unprivileged(FixContext context, Finding finding) {
    return context.enclosing(finding.span().start(), EntityKind.CONTAINER)
        .flatMap(c -> c.properties().privileged())
        .filter(p -> p.span().equals(finding.span()) && Boolean.TRUE.equals(p.value()))
        .map(p -> List.of(new Fix("Set 'privileged false'", Fix.Kind.QUICK_FIX, Optional.of(finding), true,
            List.of(new Edit(p.valueSpan(), "false")))))
        .orElse(List.of());
  }

  // ---- suppression, for every rule ----

  /**
   * A {@code // topo-ignore RULE} comment on its own line above the statement the finding is
   * in, or the rule added to the topo-ignore comment that already targets that statement.
   * The statement is the innermost one around the finding that opens its line, since a
   * comment above a line applies to the statement that line starts with; a finding in no
   * statement at all (a stray token at the top of the file) cannot be silenced.
   */
  static Optional<Fix> suppress(FixContext context, Finding finding) {
    Layout layout = context.layout(finding.span().source());
    List<Node> path = layout.statements().path(finding.span().start());
    Node target = null;
    for (int i = path.size() - 1; i >= 0; i--) {
      if (layout.startsLine(path.get(i).span().start())) {
        target = path.get(i);
        break;
      }
    }
    if (target == null) {
      return Optional.empty();
    }
    String rule = finding.rule().id();
    String title = "Suppress '" + rule + "' with topo-ignore";
    for (Suppression existing : context.root().suppressions()) {
      if (existing.target().equals(target.span())) {
        Matcher m = IDS.matcher(layout.textOf(existing.comment()));
        if (m.lookingAt()) {
          int at = existing.comment().start() + m.end(1);
          return Optional.of(new Fix(title, Fix.Kind.SUPPRESSION, Optional.of(finding), false,
              List.of(Edit.insert(layout.uri(), at, ", " + rule))));
        }
      }
    }
    int start = target.span().start();
    Span lineStart = new Span(layout.uri(), layout.lineStart(start), layout.lineStart(start));
    return Optional.of(new Fix(title, Fix.Kind.SUPPRESSION, Optional.of(finding), false,
        List.of(new Edit(lineStart, layout.indent(start) + "// topo-ignore " + rule + layout.newline()))));
  }
}
