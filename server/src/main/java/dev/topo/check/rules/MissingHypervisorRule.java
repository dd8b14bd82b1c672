package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Moves;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.model.OsFamily;
import dev.topo.workspace.Program;
import java.util.List;

/** A host that runs VMs needs a hypervisor to run them; the repair adds one. */
public final class MissingHypervisorRule implements Rule {
  /** The hypervisor a repair adds: the one the host's OS ships (Hyper-V on Windows, KVM on Linux and by default). */
  static String hypervisorFor(Entity host) {
    return host.properties().osFamily().filter(f -> f == OsFamily.WINDOWS).map(f -> "hyper-v").orElse("kvm");
  }

  private static final Info INFO = new Info("missing-hypervisor", Severity.ERROR,
      "A host holds a VM but declares no hypervisor",
      "A host holds at least one `vm` but has no `hypervisor`.",
      "the host's name, with a note at the first VM");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** The host that needs a hypervisor. */
  private record NoHypervisor(Entity host) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new NoHypervisor(moves.entity(host));
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity host : program.checked(EntityKind.HOST)) {
      List<Entity> vms = host.children(EntityKind.VM);
      if (!vms.isEmpty() && host.properties().hypervisor().isEmpty()) {
        acceptor.report(host.name(), vms.size() > 1
                ? Message.of("missing-hypervisor.many", host.described(), vms.get(0).described(), vms.size() - 1)
                : Message.of("missing-hypervisor.one", host.described(), vms.get(0).described()),
            List.of(Acceptor.related(program, vms.get(0).name(), Message.of("duplicate-name.here", vms.get(0).described()))),
            new NoHypervisor(host));
      }
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof NoHypervisor missing)) {
      return List.of();
    }
    String statement = "hypervisor " + hypervisorFor(missing.host());
    return context.addStatements(finding, missing.host(), List.of(statement),
        Message.of("fix.add", statement, missing.host().described()));
  }
}
