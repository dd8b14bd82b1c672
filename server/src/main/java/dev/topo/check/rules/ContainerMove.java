package dev.topo.check.rules;

import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.edit.FreeNames;
import dev.topo.check.edit.MovedBlock;
import dev.topo.check.edit.MovedBlock.Line;
import dev.topo.check.edit.SourceEdit;
import dev.topo.check.edit.StatementEditor;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.OsFamily;
import dev.topo.model.Property;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a container onto a kernel of its own family: into a new VM of that family on the
 * host it runs on (or on the host of the VM it runs in), which is what a hypervisor is for.
 * The VM gets the container's limits as its size, so the host gives out what it gave before,
 * and the runtime of the machine the container left; the host gets a hypervisor if it
 * declares none.
 */
final class ContainerMove {
  private ContainerMove() {}

  static Optional<Fix> intoNewVm(FixContext context, Finding finding, Entity container) {
    Program program = context.program();
    Optional<OsFamily> family = container.properties().osFamily().filter(f -> f != OsFamily.MACOS);
    Optional<Entity> kernel = program.kernel(container);
    if (family.isEmpty() || kernel.isEmpty() || program.parent(container).filter(p -> p.equals(kernel.get())).isEmpty()) {
      return Optional.empty();
    }
    Entity host = kernel.get().kind() == EntityKind.HOST ? kernel.get() : program.parent(kernel.get()).orElse(null);
    if (host == null || host.kind() != EntityKind.HOST || !host.span().source().equals(container.span().source())) {
      return Optional.empty();
    }
    StatementEditor editor = context.editor(container.span().source());
    Optional<Node> containerNode = editor.block(program.span(container));
    Optional<Node> hostNode = editor.block(program.span(host));
    if (containerNode.isEmpty() || containerNode.get().close() < 0 || hostNode.isEmpty()) {
      return Optional.empty();
    }
    MovedBlock moved = MovedBlock.of(editor, containerNode.get().span());
    String vmName = FreeNames.free(program, host.name().text() + "-" + family.get().word(), "-vm", List.of());
    List<Line> vm = new ArrayList<>();
    vm.add(new Line(0, "vm " + Name.written(vmName) + " {", false));
    for (String statement : vmProperties(program, editor, container, kernel.get(), family.get())) {
      vm.add(new Line(1, statement, false));
    }
    vm.addAll(moved.lines(1));
    vm.add(new Line(0, "}", false));
    Optional<SourceEdit> added = editor.addAtEnd(hostNode.get(), indent -> MovedBlock.render(vm, indent, editor.unit()));
    if (added.isEmpty()) {
      return Optional.empty();
    }
    List<SourceEdit> edits = new ArrayList<>(List.of(moved.removal(), added.get()));
    Message title = Message.of("container-os-mismatch.fix.vm", container.described(), family.get().named(), vmName,
        host.described());
    if (host.properties().hypervisor().isEmpty()) {
      String hypervisor = Keyword.HYPERVISOR.word() + " " + MissingHypervisorRule.hypervisorFor(host);
      Optional<SourceEdit> declared = editor.addProperties(hostNode.get(), List.of(hypervisor));
      if (declared.isEmpty()) {
        return Optional.empty();
      }
      edits.add(declared.get());
      title = Message.of("container-os-mismatch.fix.vm.hypervisor", container.described(), family.get().named(), vmName,
          host.described(), hypervisor);
    }
    return Optional.of(new Fix(title, Optional.of(finding), false, edits));
  }

  /** The new VM's statements: its OS family, the container's limits as its size, and a runtime. */
  private static List<String> vmProperties(Program program, StatementEditor editor, Entity container, Entity kernel,
      OsFamily family) {
    List<String> statements = new ArrayList<>();
    statements.add(Keyword.OS.word() + " " + family.word());
    container.properties().cpu().ifPresent(cpu -> statements.add(statement(program, editor, cpu)));
    container.properties().memory().ifPresent(memory -> statements.add(statement(program, editor, memory)));
    statements.add(kernel.properties().runtime().map(r -> statement(program, editor, r))
        .orElse(Keyword.RUNTIME.word() + " " + MissingRuntimeRule.RUNTIME_FOR_NODES));
    return statements;
  }

  /** A property's statement as the file writes it, without a closing {@code ;}, on one line if it was broken over several. */
  private static String statement(Program program, StatementEditor editor, Property<?> property) {
    return editor.textOf(program.span(property)).replaceAll("\\s*;$", "").replaceAll("\\s*\\R\\s*", " ");
  }
}
