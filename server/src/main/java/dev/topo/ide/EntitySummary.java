package dev.topo.ide;

import dev.topo.check.ClosestNames;
import dev.topo.model.Arch;
import dev.topo.model.CgroupVersion;
import dev.topo.model.Keyword;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Isolation;
import dev.topo.model.Label;
import dev.topo.model.Library;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.OsFamily;
import dev.topo.model.Requirement;
import dev.topo.model.Version;
import dev.topo.model.WindowsBuilds;
import dev.topo.workspace.Platform;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import dev.topo.workspace.Provision;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Markdown that sums up an entity for a hover: what it is, the kernel it runs on and what is
 * known of it ({@link Platform}), its labels, its capacity and how much of it is handed out,
 * its image and libraries, the nodes a pod may run on; and how a {@code requires} is met.
 * Short bold labels and bullets, so that it reads at a glance in any client's hover box. Every
 * word comes from the message bundles ({@code hover.*}), in the user's language; what is
 * written here is only Markdown and what the user wrote (names, keywords, values, amounts).
 */
public final class EntitySummary {
  private final Program program;
  private final URI document;
  private final Locale locale;
  private final StringBuilder md = new StringBuilder();

  private EntitySummary(Program program, URI document, Locale locale) {
    this.program = program;
    this.document = document;
    this.locale = locale;
  }

  /** The summary of a host, VM, container, cluster, pod or module. */
  static String of(Program program, Entity entity, URI document, Locale locale) {
    EntitySummary s = new EntitySummary(program, document, locale);
    s.entity(entity);
    return s.md.toString().strip();
  }

  /** A {@code nodes} entry: the node it names, or why it names none. */
  static String nodeReference(Program program, Name ref, URI document, Locale locale) {
    Optional<Entity> node = program.node(ref.text());
    if (node.isPresent()) {
      return of(program, node.get(), document, locale);
    }
    EntitySummary s = new EntitySummary(program, document, locale);
    s.md.append("**").append(s.say(Message.of("hover.unknown-node"))).append("** `").append(ref.text()).append("`\n\n")
        .append(s.say(Message.of("hover.unknown-node.why")));
    List<String> names = new ArrayList<>();
    program.forEachEntity(e -> {
      if (e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) {
        names.add(e.name().text());
      }
    });
    ClosestNames.closest(ref.text(), names)
        .ifPresent(n -> s.md.append(' ').append(s.say(Message.of("hover.did-you-mean", n))));
    return s.md.toString();
  }

  /** A {@code library} statement: who provides it and which modules there require it. */
  static String library(Program program, Entity owner, Library library, URI document, Locale locale) {
    EntitySummary s = new EntitySummary(program, document, locale);
    s.md.append("**library** `").append(library.name().text()).append("` \"").append(library.versionText())
        .append("\" — ").append(s.say(Message.of(owner.kind() == EntityKind.CONTAINER ? "hover.library.image"
            : "hover.library.provided", owner.described()))).append(s.where(owner)).append("\n\n");
    List<String> users = new ArrayList<>();
    for (Entity module : owner.children(EntityKind.MODULE)) {
      for (Requirement need : module.requirements()) {
        if (need.library().text().equals(library.name().text())) {
          Provision p = Provision.of(program, module, need);
          users.add("- " + s.say(Message.of("hover.library.user", module.described(), need.rangeText(), mark(p.status()))));
        }
      }
    }
    if (users.isEmpty()) {
      s.md.append(s.say(Message.of("hover.library.unused", owner.described())));
    } else {
      s.md.append("**").append(s.say(Message.of("hover.label.required-by"))).append(":**\n")
          .append(String.join("\n", users));
    }
    return s.md.toString();
  }

  /** A {@code requires} statement: which library meets it, or why none does. */
  static String requirement(Program program, Entity module, Requirement need, URI document, Locale locale) {
    EntitySummary s = new EntitySummary(program, document, locale);
    String lib = need.library().text();
    s.md.append("**requires** `").append(lib).append("` \"").append(need.rangeText()).append("\" — ")
        .append(s.say(module.described())).append("\n\n");
    Provision p = Provision.of(program, module, need);
    Message env = p.environment().map(Entity::described).orElse(Message.literal(""));
    s.md.append(s.say(switch (p.status()) {
      case SATISFIED -> Message.of("hover.requirement.satisfied", lib, p.library().get().versionText(), env);
      case OUT_OF_RANGE -> Message.of("hover.requirement.out-of-range", env, lib, p.library().get().versionText(),
          need.rangeText());
      case NOT_PROVIDED -> Message.of("hover.requirement.missing",
          p.environment().get().kind() == EntityKind.CONTAINER ? Message.of("hover.image-of", env) : env, lib);
      case UNKNOWN -> Message.of("hover.requirement.unknown", env, lib);
      case NO_ENVIRONMENT -> Message.of("hover.requirement.nowhere");
    }));
    if (p.status() == Provision.Status.NOT_PROVIDED) {
      s.providedBelow(p.environment().get(), lib);
    }
    return s.md.toString();
  }

  /** An import: the file it brings in and what that file declares. */
  static String importPath(Program program, Import anImport, URI document, Locale locale) {
    EntitySummary s = new EntitySummary(program, document, locale);
    s.md.append("**import** `").append(anImport.path()).append("`\n\n");
    URI target = document.resolve(anImport.path().replace(" ", "%20")).normalize();
    Optional<FileModel> file = program.files().stream().filter(f -> f.uri().normalize().equals(target)).findFirst();
    if (file.isEmpty()) {
      s.md.append(s.say(Message.of("hover.import.missing")));
    } else if (file.get().declarations().isEmpty()) {
      s.md.append(s.say(Message.of("hover.import.empty")));
    } else {
      s.md.append(s.say(Message.of("hover.import.declares", file.get().declarations().stream()
          .map(e -> s.say(e.described())).collect(Collectors.joining(", ")))));
    }
    return s.md.toString();
  }

  // ---- entities ----

  private void entity(Entity e) {
    md.append("**").append(e.kind().keyword()).append("** `").append(e.name().text()).append('`')
        .append(where(e)).append("\n\n");
    switch (e.kind()) {
      case HOST, VM -> machine(e);
      case CONTAINER -> container(e);
      case CLUSTER -> cluster(e);
      case POD -> pod(e);
      case MODULE -> module(e);
    }
  }

  private void machine(Entity e) {
    var p = e.properties();
    String own = e.kind() == EntityKind.HOST ? "hover.os.host" : "hover.os.vm";
    bullet("os", p.os().flatMap(o -> o.known()).map(o -> Message.of(own, o.toString()))
        .orElse(Message.of("hover.not-declared")));
    if (e.kind() == EntityKind.VM) {
      program.parent(e).ifPresent(host -> bullet("runs-on", host.properties().hypervisor().flatMap(h -> h.known())
          .map(h -> Message.of("hover.runs-on", host.described(), h.toString()))
          .orElse(Message.of("hover.runs-on.no-hypervisor", host.described()))));
    }
    architecture(e);
    platform(program.platform(e), p.osFamily());
    List<String> labels = program.labels(e);
    if (!labels.isEmpty()) {
      bullet("labels", labels.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")));
    }
    capacity(e, Capacity.guests(e), Message.of(e.kind() == EntityKind.HOST ? "hover.guests.host" : "hover.guests.vm"));
    p.hypervisor().flatMap(h -> h.known()).ifPresent(h -> bullet("hypervisor", h.toString()));
    p.runtime().flatMap(r -> r.known()).ifPresent(r -> bullet("runtime", r.toString()));
    libraries(e, "libraries");
    holds(e);
    List<String> clusters = new ArrayList<>();
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      if (program.nodesOf(cluster).contains(e)) {
        clusters.add(say(cluster.described()));
      }
    }
    if (!clusters.isEmpty()) {
      bullet("node-of", String.join(", ", clusters));
    }
  }

  private void container(Entity e) {
    var p = e.properties();
    bullet("kernel", kernel(e));
    p.os().flatMap(o -> o.known()).ifPresent(o -> bullet("os", "`" + o + "`"));
    Message none = Message.of("hover.none");
    Object cpu = p.cpuValue().<Object>map(Capacity::cores).orElse(none);
    Object memory = p.memoryValue().<Object>map(q -> Capacity.bytes(q.bytes())).orElse(none);
    bullet("limits", say(Message.of("hover.amounts", cpu, memory))
        + (p.cpu().isEmpty() || p.memory().isEmpty() ? " " + say(Message.of("hover.limits.unbounded")) : ""));
    bullet("image", p.image().flatMap(i -> i.known())
        .map(i -> "`" + i.reference() + "`" + (i.isPinned() ? "" : " " + say(Message.of("hover.image.not-pinned"))))
        .orElse(say(none)));
    p.arch().flatMap(a -> a.known()).filter(l -> !l.isEmpty()).ifPresent(archs -> bullet("arch",
        Message.of("hover.arch.image", archs.stream().map(Arch::word).collect(Collectors.joining(", ")))));
    isolation(e);
    if (p.privileged().flatMap(x -> x.known()).orElse(false)) {
      bullet("privileged", Message.of("hover.privileged"));
    }
    p.share().flatMap(s -> s.known()).filter(l -> !l.isEmpty()).ifPresent(l -> bullet("shares",
        l.stream().map(Name::text).collect(Collectors.joining(", "))));
    libraries(e, "libraries.image");
    holds(e);
  }

  private void cluster(Entity e) {
    List<Entity> nodes = program.nodesOf(e);
    List<String> described = new ArrayList<>();
    for (Name ref : e.properties().nodes().flatMap(n -> n.known()).orElse(List.of())) {
      Optional<Entity> node = program.node(ref.text());
      described.add("`" + ref.text() + "` (" + node.map(this::amounts).orElse(say(Message.of("hover.unknown"))) + ")");
    }
    bullet("nodes", described.isEmpty() ? say(Message.of("hover.none")) : String.join(", ", described));
    Capacity declared = Capacity.sum(nodes);
    Capacity has = Capacity.free(nodes);
    Capacity needed = Capacity.needed(program, e);
    if (!nodes.isEmpty()) {
      bullet("capacity", amounts(declared));
    }
    boolean lessGuests = !has.equals(declared);
    if (lessGuests) {
      bullet("free", amounts(has) + " " + say(Message.of("hover.free.less-guests")));
    }
    List<Entity> pods = e.children(EntityKind.POD);
    if (!pods.isEmpty()) {
      String cpuOf = of(needed.cpu(), has.cpu(), !nodes.isEmpty(), Capacity.cores(has.cpu()), lessGuests);
      String memoryOf = of(needed.memory(), has.memory(), !nodes.isEmpty(), Capacity.bytes(has.memory()), lessGuests);
      bullet("pods-request", Message.of("hover.pods-request", Capacity.cores(needed.cpu()) + cpuOf,
          Capacity.bytes(needed.memory()) + memoryOf));
      bullet("pods", pods.stream().map(pod -> "`" + pod.name().text() + "` ×" + program.replicas(pod))
          .collect(Collectors.joining(", ")));
    }
  }

  private void pod(Entity e) {
    program.cluster(e).ifPresent(c -> bullet("cluster", nodesText(c)));
    selectors(e);
    int replicas = program.replicas(e);
    Capacity one = Capacity.perReplica(e);
    bullet("replicas", e.properties().isDaemon() ? say(Message.of("hover.replicas.daemon", String.valueOf(replicas)))
        : String.valueOf(replicas));
    bullet("per-replica", amounts(one));
    Capacity all = Capacity.allReplicas(program, e);
    bullet("total", amounts(all) + " " + say(Message.of("hover.total.times", String.valueOf(replicas))));
    holds(e);
  }

  /** A pod's {@code select}s and the nodes that match them all, or which selector no node matches. */
  private void selectors(Entity pod) {
    List<Label> selects = pod.properties().selectors();
    if (selects.isEmpty()) {
      return; // every node of the cluster is eligible: the cluster's line lists them
    }
    bullet("selects", selects.stream().map(EntitySummary::label).collect(Collectors.joining(", ")));
    Optional<Entity> cluster = program.cluster(pod);
    if (cluster.isEmpty()) {
      return;
    }
    List<Entity> eligible = program.eligibleNodes(pod);
    if (!eligible.isEmpty()) {
      bullet("eligible", eligible.stream().map(this::nodeBrief).collect(Collectors.joining(", ")));
      return;
    }
    List<Entity> nodes = program.nodesOf(cluster.get());
    List<String> unmatched = selects.stream()
        .filter(s -> nodes.stream().noneMatch(n -> program.hasLabel(n, s)))
        .map(EntitySummary::label).toList();
    Message c = cluster.get().described();
    bullet("eligible", nodes.isEmpty() ? Message.of("hover.no-known-nodes", c)
        : unmatched.isEmpty() ? Message.of("hover.eligible.none", c)
        : Message.of("hover.eligible.unmatched", c, unmatched.stream().reduce((a, b) -> say(Message.of("hover.or", a, b)))
            .orElseThrow()));
  }

  private static String label(Label label) {
    return "`" + label.key().text() + "=" + label.value().text() + "`";
  }

  /** "`w1` (windows, amd64)": a node with the facts selectors most often ask for. */
  private String nodeBrief(Entity node) {
    List<String> facts = new ArrayList<>();
    node.properties().osFamily().ifPresent(f -> facts.add(f.word()));
    program.arch(node).ifPresent(a -> facts.add(a.word()));
    return "`" + node.name().text() + "`" + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")");
  }

  private void module(Entity e) {
    var p = e.properties();
    program.parent(e).ifPresent(env -> bullet("runs-in", env.kind() == EntityKind.CONTAINER
        ? say(Message.of("hover.runs-in.container", env.described(), kernel(env))) : say(env.described())));
    p.language().flatMap(l -> l.known()).ifPresent(l -> bullet("language", l));
    p.load().flatMap(l -> l.known()).ifPresent(l -> bullet("load", l.word()));
    if (!e.requirements().isEmpty()) {
      md.append("- **").append(say(Message.of("hover.label.requires"))).append(":**\n");
      for (Requirement need : e.requirements()) {
        Provision provision = Provision.of(program, e, need);
        md.append("  - ").append(need.library().text()).append(" \"").append(need.rangeText()).append("\" ")
            .append(mark(provision.status()))
            .append(provision.library().map(l -> " " + say(Message.of("hover.provided", l.versionText()))).orElse(""))
            .append('\n');
      }
    }
  }

  // ---- pieces ----

  /** A host's or VM's architecture: its own, or (a VM) its host's. */
  private void architecture(Entity machine) {
    boolean own = machine.properties().arch().flatMap(a -> a.known()).filter(l -> !l.isEmpty()).isPresent();
    program.arch(machine).ifPresent(a -> bullet("arch",
        "`" + a.word() + "`" + (own ? "" : " " + say(Message.of("hover.arch.host")))));
  }

  /**
   * What is known of a host's or VM's kernel: the Linux kernel and cgroup version of a Linux
   * machine, the build of a Windows one, each with where it came from; a fact declared on a
   * machine of another family is shown too.
   */
  private void platform(Platform platform, Optional<OsFamily> family) {
    boolean linux = family.equals(Optional.of(OsFamily.LINUX));
    fact("kernel", platform.kernel(), Version::text, linux, Message.of("hover.declare", Keyword.KERNEL.word()));
    fact("cgroup", platform.cgroup(), CgroupVersion::word, linux, Message.of("hover.declare", Keyword.CGROUP.word()));
    fact("windows-build", platform.windowsBuild(), WindowsBuilds::name, family.equals(Optional.of(OsFamily.WINDOWS)),
        Message.of("hover.windows-build.unknown"));
  }

  /** One derived fact: its value and where it came from, or, where it matters, that it is not known. */
  private <T> void fact(String label, Optional<Platform.Fact<T>> fact, Function<T, String> text, boolean matters,
      Message unknown) {
    if (fact.isPresent()) {
      bullet(label, "`" + text.apply(fact.get().value()) + "` (" + say(fact.get().said()) + ")");
    } else if (matters) {
      bullet(label, unknown);
    }
  }

  /**
   * A Windows container's isolation: its own, else the default of the Windows it runs on
   * ({@link Platform#isolationOf}), else how that default is chosen.
   */
  private void isolation(Entity container) {
    Optional<Platform.Fact<Isolation>> isolation = program.kernel(container)
        .flatMap(k -> program.platform(k).isolationOf(container))
        .or(() -> container.properties().isolation().flatMap(i -> i.known()).map(i -> new Platform.Fact<>(i, Platform.DECLARED)));
    fact("isolation", isolation, Isolation::word, container.properties().osFamily().equals(Optional.of(OsFamily.WINDOWS)),
        Message.of("hover.isolation.default", Isolation.PROCESS.word(), Isolation.HYPERV.word()));
  }

  /** The kernel an entity shares: its host's or VM's, or those of its cluster's nodes. */
  private String kernel(Entity e) {
    Optional<Entity> kernel = program.kernel(e);
    if (kernel.isPresent()) {
      Entity k = kernel.get();
      return say(k.properties().osFamily().map(f -> Message.of("hover.kernel.of", f.word(), k.described()))
          .orElse(Message.of("hover.kernel.of.no-os", k.described())));
    }
    Optional<Entity> cluster = program.cluster(e);
    if (cluster.isPresent()) {
      if (program.nodesOf(cluster.get()).isEmpty()) {
        return say(Message.of("hover.kernel.no-nodes", cluster.get().described()));
      }
      List<Entity> nodes = program.nodesFor(e);
      if (nodes.isEmpty()) {
        return say(Message.of("hover.kernel.no-node", cluster.get().described()));
      }
      return say(Message.of("hover.kernel.scheduled", nodes.stream()
          .map(n -> "`" + n.name().text() + "` (" + n.properties().osFamily().map(OsFamily::word)
              .orElseGet(() -> say(Message.of("hover.os-unknown"))) + ")")
          .collect(Collectors.joining(", "))));
    }
    return say(Message.of("hover.unknown"));
  }

  /** A pod's cluster and the nodes it has. */
  private Message nodesText(Entity cluster) {
    List<Entity> nodes = program.nodesOf(cluster);
    return nodes.isEmpty() ? Message.of("hover.cluster.no-nodes", cluster.described())
        : Message.of("hover.cluster.nodes", cluster.described(),
            nodes.stream().map(n -> "`" + n.name().text() + "`").collect(Collectors.joining(", ")));
  }

  /** What a machine has and how much of it its guests are given. */
  private void capacity(Entity machine, List<Entity> guests, Message who) {
    Capacity given = Capacity.sum(guests);
    Optional<Double> cpu = machine.properties().cpuValue();
    Optional<Long> memory = machine.properties().memoryValue().map(q -> q.bytes());
    String notDeclared = say(Message.of("hover.not-declared"));
    String cpuText = cpu.map(Capacity::cores).orElse(notDeclared);
    String memoryText = memory.map(Capacity::bytes).orElse(notDeclared);
    if (!guests.isEmpty()) {
      cpuText = say(Message.of("hover.given", cpuText, Capacity.cores(given.cpu()), who))
          + percentIn(given.cpu(), cpu.orElse(0.0));
      memoryText = say(Message.of("hover.given", memoryText, Capacity.bytes(given.memory()), who))
          + percentIn(given.memory(), memory.orElse(0L));
    }
    bullet("cpu", cpuText);
    bullet("memory", memoryText);
  }

  /** " (50%)", " (150%, overcommitted)", or nothing when there is no whole to be a part of. */
  private String percentIn(double part, double total) {
    String percent = Capacity.percent(part, total);
    return percent.isEmpty() ? "" : " " + say(Message.of(part > total ? "hover.percent.over" : "hover.percent", percent));
  }

  /** " of 7 free (57%)": how much of what there is a need takes, when what there is is known. */
  private String of(double part, double total, boolean known, String totalText, boolean free) {
    return known ? " " + say(Message.of(free ? "hover.of.free" : "hover.of", totalText)) + percentIn(part, total) : "";
  }

  /** "cpu 2 · memory 4 GiB" for an amount of both. */
  private String amounts(Capacity c) {
    return say(Message.of("hover.amounts", Capacity.cores(c.cpu()), Capacity.bytes(c.memory())));
  }

  /** "4 cpu, 8 GiB": what a node declares, a question mark for what it does not. */
  private String amounts(Entity e) {
    String cpu = say(e.properties().cpuValue().map(x -> Message.of("hover.node.cpu", Capacity.cores(x)))
        .orElse(Message.of("hover.node.cpu.unknown")));
    String memory = e.properties().memoryValue().map(q -> Capacity.bytes(q.bytes()))
        .orElseGet(() -> say(Message.of("hover.node.memory.unknown")));
    return cpu + ", " + memory;
  }

  private void libraries(Entity e, String label) {
    if (!e.libraries().isEmpty()) {
      bullet(label, e.libraries().stream().map(l -> l.name().text() + " " + l.versionText())
          .collect(Collectors.joining(", ")));
    }
  }

  /** The blocks an entity holds, counted by kind: "2 vms, 1 container `web`". */
  private void holds(Entity e) {
    List<String> parts = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      List<Entity> children = e.children(kind);
      if (!children.isEmpty()) {
        parts.add(say(children.size() == 1 ? Message.of("hover.holds.one", Message.of("hover.kinds." + kind.keyword()),
            children.get(0).name().text())
            : Message.of("hover.holds.other", String.valueOf(children.size()), Message.of("hover.kinds." + kind.keyword()))));
      }
    }
    if (!parts.isEmpty()) {
      bullet("holds", String.join(", ", parts));
    }
  }

  /** A library the host or VM underneath a container has: a container sees only its image. */
  private void providedBelow(Entity environment, String lib) {
    if (environment.kind() != EntityKind.CONTAINER) {
      return;
    }
    program.kernel(environment).flatMap(k -> k.library(lib)
            .map(l -> Message.of("hover.requirement.below", k.described(), lib, l.versionText())))
        .ifPresent(t -> md.append(' ').append(say(t)));
  }

  /** "- **Label:** value": the label is {@code hover.label.KEY} of the bundles. */
  private void bullet(String label, String value) {
    md.append("- **").append(say(Message.of("hover.label." + label))).append(":** ").append(value).append('\n');
  }

  private void bullet(String label, Message value) {
    bullet(label, say(value));
  }

  private String say(Message message) {
    return message.text(locale);
  }

  private static String mark(Provision.Status status) {
    return switch (status) {
      case SATISFIED -> "✓";
      case OUT_OF_RANGE, NOT_PROVIDED, NO_ENVIRONMENT -> "✗";
      case UNKNOWN -> "?";
    };
  }

  /** " · in `lib.topo`" for an entity declared in another file than the one hovered. */
  private String where(Entity e) {
    URI source = e.span().source();
    if (source.normalize().equals(document.normalize())) {
      return "";
    }
    return " " + say(Message.of("hover.in", relative(document, source)));
  }

  /**
   * How a file is named from another: its path relative to the other's folder
   * ({@code lib.topo}, {@code ../shared/base.topo}) for two files on the same disk, else its
   * last segment. Worked out on the URIs' paths, without asking the file system.
   */
  public static String relative(URI from, URI to) {
    if ("file".equals(from.getScheme()) && "file".equals(to.getScheme())) {
      List<String> folder = segments(from.normalize().getPath());
      List<String> target = segments(to.normalize().getPath());
      if (!folder.isEmpty() && !target.isEmpty()) {
        folder = folder.subList(0, folder.size() - 1);
        int common = 0;
        while (common < folder.size() && common < target.size() - 1 && folder.get(common).equals(target.get(common))) {
          common++;
        }
        boolean otherDrive = common == 0 && !folder.isEmpty() && folder.get(0).endsWith(":");
        if (!otherDrive) {
          List<String> parts = new ArrayList<>();
          for (int i = common; i < folder.size(); i++) {
            parts.add("..");
          }
          parts.addAll(target.subList(common, target.size()));
          return String.join("/", parts);
        }
      }
    }
    String path = to.getPath() == null ? to.toString() : to.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The non-empty segments of a URI's path ({@code /ws/a/b.topo} gives ws, a, b.topo). */
  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    if (path != null) {
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
    }
    return segments;
  }
}
