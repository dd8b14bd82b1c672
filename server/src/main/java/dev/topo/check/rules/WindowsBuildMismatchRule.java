package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Moves;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Isolation;
import dev.topo.model.Keyword;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.model.WindowsBuilds;
import dev.topo.model.WindowsEdition;
import dev.topo.workspace.Platform;
import dev.topo.workspace.Platform.Fact;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A Windows container runs on a Windows kernel of a fitting build: the host's own in process
 * isolation (so the builds must be equal, except that Windows 11 also runs Windows Server 2022
 * images), or one the host starts in a utility VM in Hyper-V isolation (any build up to the
 * host's). The build tables and that rule are {@link WindowsBuilds}'; which build a host, VM or
 * container has, and which isolation applies, is {@link Platform}'s. Unknown builds are not
 * checked.
 *
 * <p>The repair, where it is honest: Hyper-V isolation for a container older than every
 * kernel that refuses it. A newer container needs another image or another host, which only
 * the designer can choose.
 */
public final class WindowsBuildMismatchRule implements Rule {
  private static final Info INFO = new Info("windows-build-mismatch", Severity.ERROR,
      "A Windows container's build does not run on the Windows kernel it runs on",
      "A Windows container (`os windows`) whose build is known, from its `os windows \"RELEASE\"` or else its "
          + "image tag, runs on a Windows host or VM whose build is known from its release, and cannot run "
          + "there: in `process` isolation the builds differ (a Windows 11 host of build 22000 or later also runs "
          + "build 20348); in `hyperv` isolation the container's build is newer than the host's. The isolation is "
          + "the container's `isolation`, else `process` on Windows Server and `hyperv` on Windows 10 and 11. For "
          + "a pod's container, any node it may run on (the nodes of its cluster that match its `select`s), one "
          + "finding listing every such node.",
      "the container's `os` (its `image` when the build comes from the tag), with notes at the machines' `os`");

  @Override
  public Scope scope() {
    return Scope.BLOCK;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** A Windows machine the container may run on, with its build and the isolation the container would have there. */
  private record Placement(Entity machine, int build, WindowsEdition edition, Fact<Isolation> isolation) {
    boolean runs(int containerBuild, Isolation in) {
      return WindowsBuilds.runs(build, edition, containerBuild, in);
    }
  }

  /** The container to run in Hyper-V isolation, and its {@code isolation} statement if it has one. */
  private record RunInHyperV(Entity container, Optional<Property<Isolation>> isolation) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new RunInHyperV(moves.entity(container), isolation.map(moves::property));
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      if (container.properties().osFamily().filter(f -> f == OsFamily.WINDOWS).isEmpty()) {
        continue;
      }
      Platform.windowsBuild(container).ifPresent(built -> check(program, container, built, acceptor));
    }
  }

  private static void check(Program program, Entity container, Fact<Integer> built, Acceptor acceptor) {
    ContainerKernels kernels = ContainerKernels.of(program, container);
    List<Placement> placements = kernels.machines().stream()
        .flatMap(machine -> placement(program, machine, container).stream()).toList();
    List<Placement> blocked = placements.stream().filter(p -> !p.runs(built.value(), p.isolation().value())).toList();
    if (blocked.isEmpty()) {
      return;
    }
    // Kubernetes runs Windows containers in process isolation only, so a pod is not told to use Hyper-V.
    boolean hyperVRuns = kernels.cluster().isEmpty() && blocked.stream()
        .allMatch(p -> p.isolation().value() == Isolation.PROCESS && p.runs(built.value(), Isolation.HYPERV));
    Message message = Message.of("windows-build-mismatch.message", container.described(),
        WindowsBuilds.named(built.value(), Message.of("windows-build-mismatch.from", built.said())),
        kernels.where(blocked, Placement::machine,
            p -> Message.of("windows-build-mismatch.runs", WindowsBuilds.named(p.build())),
            p -> Message.of("windows-build-mismatch.build", p.build())),
        reasons(blocked), advice(kernels, placements, built.value(), hyperVRuns));
    List<Related> notes = ContainerKernels.named(blocked).stream().map(p -> Acceptor.related(program, p.machine().properties().os().get(),
        Message.of("windows-build-mismatch.note", p.machine().described(), WindowsBuilds.named(p.build())))).toList();
    acceptor.report(reportedAt(container), message, notes,
        hyperVRuns ? new RunInHyperV(container, container.properties().isolation()) : Finding.Data.NONE);
  }

  /** Where the machine's build, edition and the container's isolation there are all known. */
  private static Optional<Placement> placement(Program program, Entity machine, Entity container) {
    Platform platform = program.platform(machine);
    if (platform.windowsBuild().isEmpty() || platform.windowsEdition().isEmpty()) {
      return Optional.empty();
    }
    return platform.isolationOf(container).map(isolation -> new Placement(machine,
        platform.windowsBuild().get().value(), platform.windowsEdition().get(), isolation));
  }

  /** The statement that gives the container its build: its {@code os} release, else its image. */
  private static Located reportedAt(Entity container) {
    boolean fromRelease = container.properties().os().flatMap(Property::known).flatMap(OsSpec::release)
        .filter(release -> WindowsBuilds.ofRelease(release).isPresent()).isPresent();
    return fromRelease ? container.properties().os().get() : container.properties().image().get();
  }

  /** Why each isolation in play refuses the container, with where the isolation comes from. */
  private static Message reasons(List<Placement> blocked) {
    return blocked.stream().map(Placement::isolation).distinct().map(isolation -> switch (isolation.value()) {
      case PROCESS -> Message.of("windows-build-mismatch.process", isolation.said());
      case HYPERV -> Message.of("windows-build-mismatch.hyperv", isolation.said());
    }).reduce((a, b) -> Message.of("windows-build-mismatch.both", a, b)).orElseThrow();
  }

  /**
   * What would run: the newest server image that every machine it may run on runs, in the
   * isolation it has there; Hyper-V isolation, when it runs the container everywhere it is
   * refused; for a pod, selecting the nodes that run it; else a machine of its build.
   */
  private static Message advice(ContainerKernels kernels, List<Placement> placements, int containerBuild,
      boolean hyperVRuns) {
    List<Object> uses = new ArrayList<>();
    WindowsBuilds.rows().stream().filter(row -> row.editions().contains(WindowsEdition.SERVER))
        .filter(row -> placements.stream().allMatch(p -> p.runs(row.build(), p.isolation().value())))
        .max(Comparator.comparingInt(WindowsBuilds.Row::build))
        .flatMap(row -> row.words().stream().filter(w -> w.startsWith("ltsc")).findFirst())
        .ifPresent(tag -> uses.add(Message.of("windows-build-mismatch.image", tag)));
    if (hyperVRuns) {
      uses.add(Keyword.ISOLATION.word() + " " + Isolation.HYPERV.word());
    }
    List<Message> ways = new ArrayList<>();
    if (!uses.isEmpty()) {
      ways.add(Message.of("windows-build-mismatch.use", uses.size() == 1 ? uses.get(0)
          : Message.of("windows-build-mismatch.either", uses.get(0), uses.get(1))));
    }
    boolean inPod = kernels.cluster().isPresent();
    if (inPod && placements.stream().anyMatch(p -> p.runs(containerBuild, p.isolation().value()))) {
      ways.add(Message.of("windows-build-mismatch.select"));
    }
    if (ways.isEmpty()) {
      ways.add(Message.of(inPod ? "windows-build-mismatch.nodes" : "windows-build-mismatch.host", containerBuild));
    }
    return ways.size() == 1 ? ways.get(0) : Message.of("windows-build-mismatch.ways", ways.get(0), ways.get(1));
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof RunInHyperV run)) {
      return List.of();
    }
    String statement = Keyword.ISOLATION.word() + " " + Isolation.HYPERV.word();
    Message title = Message.of("windows-build-mismatch.fix", run.container().described(), statement);
    if (run.isolation().isPresent()) {
      return List.of(Fix.repair(title, finding,
          List.of(new SourceEdit(context.program().span(run.isolation().get().valueSpan()), Isolation.HYPERV.word()))));
    }
    return context.addStatements(finding, run.container(), List.of(statement), title);
  }
}
