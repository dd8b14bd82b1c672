package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.CgroupVersion;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.JvmCgroupSupport;
import dev.topo.model.Library;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.workspace.Platform;
import dev.topo.workspace.Platform.Fact;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Set;

/**
 * A container's memory limit is written in the cgroup files of the kernel it runs on. A JVM
 * that cannot read them for that cgroup version ({@link JvmCgroupSupport}) sizes its heap from
 * the machine's whole memory and is killed when it reaches the limit. The cgroup version is
 * the kernel's ({@link Platform}): its host's or VM's, or any node its pod may run on. A JVM
 * version that cannot be read, or an unknown cgroup version, is not checked.
 *
 * <p>No repair: the fix is a newer JVM or a JVM flag, neither of which the design can state.
 */
public final class JvmCgroupBlindRule implements Rule {
  private static final Info INFO = new Info("jvm-cgroup-blind", Severity.WARNING,
      "A JVM cannot read its container's memory limit",
      "A container with a `memory` limit has a JVM `library` (openjdk, jdk, jre, java, temurin, corretto, zulu) "
          + "whose version does not read limits on the cgroup version of the kernel it runs on: its host's or "
          + "VM's (its `cgroup`, else its release's default), or for a pod's container, that of any node it may "
          + "run on (the nodes of its cluster that match its `select`s), one finding listing every such node. "
          + "cgroup v1 limits are read from 8u191 and 10, v2 limits from 8u372, 11.0.16 and 15.",
      "the JVM's `library` statement, with notes at the machines' `cgroup` (else `os`)");

  @Override
  public Scope scope() {
    return Scope.BLOCK;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** A machine the container may run on, and the cgroup version it mounts. */
  private record Cgroup(Entity machine, Fact<CgroupVersion> version) {
    boolean declared() {
      return machine.properties().cgroup().flatMap(Property::known).isPresent();
    }

    /** "cgroup v2", with the release whose default it is when not declared. */
    Message described() {
      return declared() ? Message.of("jvm-cgroup-blind.cgroup", version.value().word())
          : Message.of("jvm-cgroup-blind.cgroup.default", version.value().word(), version.said());
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      if (container.properties().memory().isEmpty()) {
        continue;
      }
      for (Library jvm : container.libraries()) {
        if (!JvmCgroupSupport.isJvmLibrary(jvm.name().text())) {
          continue;
        }
        Set<CgroupVersion> blindTo = JvmCgroupSupport.blindTo(jvm.versionText());
        // Most JVMs read both versions: only a blind one is worth looking at every node for.
        if (!blindTo.isEmpty()) {
          check(program, container, jvm, blindTo, acceptor);
        }
      }
    }
  }

  private static void check(Program program, Entity container, Library jvm, Set<CgroupVersion> blindTo,
      Acceptor acceptor) {
    ContainerKernels kernels = ContainerKernels.of(program, container);
    List<Cgroup> cgroups = kernels.machines().stream().flatMap(machine -> program.platform(machine).cgroup()
        .map(version -> new Cgroup(machine, version)).stream()).toList();
    List<Cgroup> blind = cgroups.stream().filter(c -> blindTo.contains(c.version().value())).toList();
    if (blind.isEmpty()) {
      return;
    }
    // A release that reads v2 limits also reads v1 ones, so the newest version in play is the one to read.
    CgroupVersion needed = blind.stream().map(c -> c.version().value()).max(Enum::compareTo).orElseThrow();
    Message where = kernels.where(blind, Cgroup::machine, c -> Message.of("jvm-cgroup-blind.uses", c.described()),
        c -> Message.of("jvm-cgroup-blind.cgroup", c.version().value().word()));
    acceptor.report(jvm, Message.of("jvm-cgroup-blind.message", container.described(), where,
        JvmCgroupSupport.explained(jvm.versionText()).orElseThrow(), needed.word()),
        ContainerKernels.named(blind).stream().map(c -> note(program, c)).toList());
  }

  /** A note where the machine's cgroup version is written: its {@code cgroup}, else its {@code os} release. */
  private static Related note(Program program, Cgroup cgroup) {
    Entity machine = cgroup.machine();
    Located at = cgroup.declared() ? machine.properties().cgroup().get() : machine.properties().os().orElseThrow();
    return Acceptor.related(program, at, Message.of("jvm-cgroup-blind.note", machine.described(), cgroup.described()));
  }
}
