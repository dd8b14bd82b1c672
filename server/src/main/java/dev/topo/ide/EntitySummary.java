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
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Markdown that sums up an entity for a hover: what it is, the kernel it runs on and what is
 * known of it ({@link Platform}), its labels, its capacity and how much of it is handed out,
 * its image and libraries, the nodes a pod may run on; and how a {@code requires} is met.
 * Short bold labels and bullets, so that it reads at a glance in any client's hover box. The labels are English, like the checker's messages.
 */
public final class EntitySummary {
  private final Program program;
  private final URI document;
  private final StringBuilder md = new StringBuilder();

  private EntitySummary(Program program, URI document) {
    this.program = program;
    this.document = document;
  }

  /** The summary of a host, VM, container, cluster, pod or module. */
  static String of(Program program, Entity entity, URI document) {
    EntitySummary s = new EntitySummary(program, document);
    s.entity(entity);
    return s.md.toString().strip();
  }

  /** A {@code nodes} entry: the node it names, or why it names none. */
  static String nodeReference(Program program, Name ref, URI document) {
    Optional<Entity> node = program.node(ref.text());
    if (node.isPresent()) {
      return of(program, node.get(), document);
    }
    EntitySummary s = new EntitySummary(program, document);
    s.md.append("**unknown node** `").append(ref.text()).append("`\n\n")
        .append("No host or VM of this name is declared in this file or the files it imports.");
    List<String> names = new ArrayList<>();
    program.forEachEntity(e -> {
      if (e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) {
        names.add(e.name().text());
      }
    });
    ClosestNames.closest(ref.text(), names).ifPresent(n -> s.md.append(" Did you mean `").append(n).append("`?"));
    return s.md.toString();
  }

  /** A {@code library} statement: who provides it and which modules there require it. */
  static String library(Program program, Entity owner, Library library, URI document) {
    EntitySummary s = new EntitySummary(program, document);
    s.md.append("**library** `").append(library.name().text()).append("` \"").append(library.versionText())
        .append("\" — ").append(owner.kind() == EntityKind.CONTAINER ? "in the image of " : "provided by ")
        .append(describe(owner)).append(s.where(owner)).append("\n\n");
    List<String> users = new ArrayList<>();
    for (Entity module : owner.children(EntityKind.MODULE)) {
      for (Requirement need : module.requirements()) {
        if (need.library().text().equals(library.name().text())) {
          Provision p = Provision.of(program, module, need);
          users.add("- " + describe(module) + " requires \"" + need.rangeText() + "\" " + mark(p.status()));
        }
      }
    }
    if (users.isEmpty()) {
      s.md.append("No module in ").append(describe(owner)).append(" requires it.");
    } else {
      s.md.append("**Required by:**\n").append(String.join("\n", users));
    }
    return s.md.toString();
  }

  /** A {@code requires} statement: which library meets it, or why none does. */
  static String requirement(Program program, Entity module, Requirement need, URI document) {
    EntitySummary s = new EntitySummary(program, document);
    String lib = need.library().text();
    s.md.append("**requires** `").append(lib).append("` \"").append(need.rangeText()).append("\" — ")
        .append(describe(module)).append("\n\n");
    Provision p = Provision.of(program, module, need);
    String env = p.environment().map(EntitySummary::describe).orElse("");
    switch (p.status()) {
      case SATISFIED -> s.md.append("✓ Satisfied by `library ").append(lib).append(" \"")
          .append(p.library().get().versionText()).append("\"` of ").append(env).append('.');
      case OUT_OF_RANGE -> s.md.append("✗ Not satisfied: ").append(env).append(" provides ").append(lib).append(' ')
          .append(p.library().get().versionText()).append(", outside \"").append(need.rangeText()).append("\".");
      case NOT_PROVIDED -> {
        s.md.append("✗ Not satisfied: ")
            .append(p.environment().get().kind() == EntityKind.CONTAINER ? "the image of " + env : env)
            .append(" provides no ").append(lib).append('.');
        s.providedBelow(p.environment().get(), lib);
      }
      case UNKNOWN -> s.md.append("? ").append(env).append(" provides ").append(lib)
          .append(", but the range or the version cannot be read.");
      case NO_ENVIRONMENT -> s.md.append("The module is not inside a host, VM or container, so nothing provides it.");
    }
    return s.md.toString();
  }

  /** An import: the file it brings in and what that file declares. */
  static String importPath(Program program, Import anImport, URI document) {
    EntitySummary s = new EntitySummary(program, document);
    s.md.append("**import** `").append(anImport.path()).append("`\n\n");
    URI target = document.resolve(anImport.path().replace(" ", "%20")).normalize();
    Optional<FileModel> file = program.files().stream().filter(f -> f.uri().normalize().equals(target)).findFirst();
    if (file.isEmpty()) {
      s.md.append("Not loaded: the file is missing, outside the workspace, or part of a cycle.");
    } else if (file.get().declarations().isEmpty()) {
      s.md.append("Declares nothing.");
    } else {
      s.md.append("Declares ").append(file.get().declarations().stream().map(EntitySummary::describe)
          .collect(Collectors.joining(", "))).append('.');
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
    if (e.kind() == EntityKind.HOST) {
      bullet("OS", p.os().flatMap(o -> o.known()).map(o -> "`" + o + "` (its own kernel)").orElse("not declared"));
    } else {
      bullet("OS", p.os().flatMap(o -> o.known()).map(o -> "`" + o + "` (its own guest kernel)").orElse("not declared"));
      program.parent(e).ifPresent(host -> bullet("Runs on", describe(host)
          + host.properties().hypervisor().flatMap(h -> h.known()).map(h -> " under " + h).orElse(", which declares no hypervisor")));
    }
    architecture(e);
    platform(program.platform(e), p.osFamily());
    List<String> labels = program.labels(e);
    if (!labels.isEmpty()) {
      bullet("Labels", labels.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")));
    }
    capacity(e, Capacity.guests(e), e.kind() == EntityKind.HOST ? "its VMs and containers" : "its containers");
    p.hypervisor().flatMap(h -> h.known()).ifPresent(h -> bullet("Hypervisor", h.toString()));
    p.runtime().flatMap(r -> r.known()).ifPresent(r -> bullet("Runtime", r.toString()));
    libraries(e, "Libraries");
    holds(e);
    List<String> clusters = new ArrayList<>();
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      if (program.nodesOf(cluster).contains(e)) {
        clusters.add(describe(cluster));
      }
    }
    if (!clusters.isEmpty()) {
      bullet("Node of", String.join(", ", clusters));
    }
  }

  private void container(Entity e) {
    var p = e.properties();
    bullet("Kernel", kernel(e));
    p.os().flatMap(o -> o.known()).ifPresent(o -> bullet("OS", "`" + o + "`"));
    String cpu = p.cpuValue().map(Capacity::cores).orElse("none");
    String memory = p.memoryValue().map(q -> Capacity.bytes(q.bytes())).orElse("none");
    bullet("Limits", "cpu " + cpu + " · memory " + memory
        + (p.cpu().isEmpty() || p.memory().isEmpty() ? " (an unbounded container can starve its neighbours)" : ""));
    bullet("Image", p.image().flatMap(i -> i.known())
        .map(i -> "`" + i.reference() + "`" + (i.isPinned() ? "" : " (not pinned)")).orElse("none"));
    p.arch().flatMap(a -> a.known()).filter(l -> !l.isEmpty()).ifPresent(archs -> bullet("Arch",
        archs.stream().map(Arch::word).collect(Collectors.joining(", ")) + " (what its image is built for)"));
    isolation(e);
    if (p.privileged().flatMap(x -> x.known()).orElse(false)) {
      bullet("Privileged", "yes: it can reach the host");
    }
    p.share().flatMap(s -> s.known()).filter(l -> !l.isEmpty()).ifPresent(l -> bullet("Shares with the host",
        l.stream().map(Name::text).collect(Collectors.joining(", "))));
    libraries(e, "Libraries (from its image)");
    holds(e);
  }

  private void cluster(Entity e) {
    List<Entity> nodes = program.nodesOf(e);
    List<String> described = new ArrayList<>();
    for (Name ref : e.properties().nodes().flatMap(n -> n.known()).orElse(List.of())) {
      Optional<Entity> node = program.node(ref.text());
      described.add(node.map(n -> "`" + ref.text() + "` (" + amounts(n) + ")")
          .orElse("`" + ref.text() + "` (unknown)"));
    }
    bullet("Nodes", described.isEmpty() ? "none" : String.join(", ", described));
    Capacity declared = Capacity.sum(nodes);
    Capacity has = Capacity.free(nodes);
    Capacity needed = Capacity.needed(program, e);
    if (!nodes.isEmpty()) {
      bullet("Capacity", "cpu " + Capacity.cores(declared.cpu()) + " · memory " + Capacity.bytes(declared.memory()));
    }
    boolean lessGuests = !has.equals(declared);
    if (lessGuests) {
      bullet("Free", "cpu " + Capacity.cores(has.cpu()) + " · memory " + Capacity.bytes(has.memory())
          + " (less what the nodes run themselves)");
    }
    List<Entity> pods = e.children(EntityKind.POD);
    if (!pods.isEmpty()) {
      String free = lessGuests ? " free" : "";
      bullet("Pods request", "cpu " + Capacity.cores(needed.cpu())
          + of(needed.cpu(), has.cpu(), !nodes.isEmpty(), Capacity.cores(has.cpu()) + free)
          + " · memory " + Capacity.bytes(needed.memory())
          + of(needed.memory(), has.memory(), !nodes.isEmpty(), Capacity.bytes(has.memory()) + free)
          + ", replicas included");
      bullet("Pods", pods.stream().map(pod -> "`" + pod.name().text() + "` ×" + program.replicas(pod))
          .collect(Collectors.joining(", ")));
    }
  }

  private void pod(Entity e) {
    program.cluster(e).ifPresent(c -> bullet("Cluster", describe(c) + nodesText(c)));
    selectors(e);
    int replicas = program.replicas(e);
    Capacity one = Capacity.perReplica(e);
    bullet("Replicas", e.properties().isDaemon() ? replicas + ", one on each node it may run on (daemon)"
        : String.valueOf(replicas));
    bullet("Requests per replica", "cpu " + Capacity.cores(one.cpu()) + " · memory " + Capacity.bytes(one.memory()));
    Capacity all = Capacity.allReplicas(program, e);
    bullet("In total", "cpu " + Capacity.cores(all.cpu()) + " · memory " + Capacity.bytes(all.memory())
        + " (" + replicas + " × per replica)");
    holds(e);
  }

  /** A pod's {@code select}s and the nodes that match them all, or which selector no node matches. */
  private void selectors(Entity pod) {
    List<Label> selects = pod.properties().selectors();
    if (selects.isEmpty()) {
      return; // every node of the cluster is eligible: the cluster's line lists them
    }
    bullet("Selects", selects.stream().map(EntitySummary::label).collect(Collectors.joining(", ")));
    Optional<Entity> cluster = program.cluster(pod);
    if (cluster.isEmpty()) {
      return;
    }
    List<Entity> eligible = program.eligibleNodes(pod);
    if (!eligible.isEmpty()) {
      bullet("Eligible nodes", eligible.stream().map(this::nodeBrief).collect(Collectors.joining(", ")));
      return;
    }
    List<Entity> nodes = program.nodesOf(cluster.get());
    List<String> unmatched = selects.stream()
        .filter(s -> nodes.stream().noneMatch(n -> program.hasLabel(n, s)))
        .map(EntitySummary::label).toList();
    bullet("Eligible nodes", nodes.isEmpty() ? "none: " + describe(cluster.get()) + " has no known nodes"
        : unmatched.isEmpty() ? "none: no node of " + describe(cluster.get()) + " matches every select"
        : "none: no node of " + describe(cluster.get()) + " has " + String.join(" or ", unmatched));
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
    program.parent(e).ifPresent(env -> bullet("Runs in", describe(env)
        + (env.kind() == EntityKind.CONTAINER ? ", on " + kernel(env) : "")));
    p.language().flatMap(l -> l.known()).ifPresent(l -> bullet("Language", l));
    p.load().flatMap(l -> l.known()).ifPresent(l -> bullet("Load", l.word()));
    if (!e.requirements().isEmpty()) {
      md.append("- **Requires:**\n");
      for (Requirement need : e.requirements()) {
        Provision provision = Provision.of(program, e, need);
        md.append("  - ").append(need.library().text()).append(" \"").append(need.rangeText()).append("\" ")
            .append(mark(provision.status()))
            .append(provision.library().map(l -> " (" + l.versionText() + " provided)").orElse(""))
            .append('\n');
      }
    }
  }

  // ---- pieces ----

  /** A host's or VM's architecture: its own, or (a VM) its host's. */
  private void architecture(Entity machine) {
    boolean own = machine.properties().arch().flatMap(a -> a.known()).filter(l -> !l.isEmpty()).isPresent();
    program.arch(machine).ifPresent(a -> bullet("Arch", "`" + a.word() + "`" + (own ? "" : " (its host's)")));
  }

  /**
   * What is known of a host's or VM's kernel: the Linux kernel and cgroup version of a Linux
   * machine, the build of a Windows one, each with where it came from; a fact declared on a
   * machine of another family is shown too.
   */
  private void platform(Platform platform, Optional<OsFamily> family) {
    boolean linux = family.equals(Optional.of(OsFamily.LINUX));
    fact("Kernel", platform.kernel(), Version::text, linux, "not known (declare `kernel`)");
    fact("cgroup", platform.cgroup(), CgroupVersion::word, linux, "not known (declare `cgroup`)");
    fact("Windows build", platform.windowsBuild(), WindowsBuilds::name, family.equals(Optional.of(OsFamily.WINDOWS)),
        "not known from the OS release");
  }

  /** One derived fact: its value and where it came from, or, where it matters, that it is not known. */
  private <T> void fact(String label, Optional<Platform.Fact<T>> fact, Function<T, String> text, boolean matters,
      String unknown) {
    if (fact.isPresent()) {
      bullet(label, "`" + text.apply(fact.get().value()) + "` (" + fact.get().source() + ")");
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
        .or(() -> container.properties().isolation().flatMap(i -> i.known()).map(i -> new Platform.Fact<>(i, "declared")));
    fact("Isolation", isolation, Isolation::word, container.properties().osFamily().equals(Optional.of(OsFamily.WINDOWS)),
        "not declared: by default `" + Isolation.PROCESS.word() + "` on Windows Server hosts, `"
            + Isolation.HYPERV.word() + "` on Windows 10 and 11 hosts");
  }

  /** The kernel an entity shares: its host's or VM's, or those of its cluster's nodes. */
  private String kernel(Entity e) {
    Optional<Entity> kernel = program.kernel(e);
    if (kernel.isPresent()) {
      Entity k = kernel.get();
      return k.properties().osFamily().map(f -> "the " + f.word() + " kernel of " + describe(k))
          .orElse("the kernel of " + describe(k) + ", whose os is not declared");
    }
    Optional<Entity> cluster = program.cluster(e);
    if (cluster.isPresent()) {
      if (program.nodesOf(cluster.get()).isEmpty()) {
        return "none known: " + describe(cluster.get()) + " has no known nodes";
      }
      List<Entity> nodes = program.nodesFor(e);
      if (nodes.isEmpty()) {
        return "none: no node of " + describe(cluster.get()) + " matches its pod's selects";
      }
      return "that of the node it is scheduled on: " + nodes.stream()
          .map(n -> "`" + n.name().text() + "` (" + n.properties().osFamily().map(OsFamily::word).orElse("os unknown") + ")")
          .collect(Collectors.joining(", "));
    }
    return "unknown";
  }

  private String nodesText(Entity cluster) {
    List<Entity> nodes = program.nodesOf(cluster);
    return nodes.isEmpty() ? ", no known nodes"
        : ", nodes " + nodes.stream().map(n -> "`" + n.name().text() + "`").collect(Collectors.joining(", "));
  }

  /** What a machine has and how much of it its guests are given. */
  private void capacity(Entity machine, List<Entity> guests, String who) {
    Capacity given = Capacity.sum(guests);
    Optional<Double> cpu = machine.properties().cpuValue();
    Optional<Long> memory = machine.properties().memoryValue().map(q -> q.bytes());
    String cpuText = cpu.map(Capacity::cores).orElse("not declared");
    String memoryText = memory.map(Capacity::bytes).orElse("not declared");
    if (!guests.isEmpty()) {
      cpuText += ", " + Capacity.cores(given.cpu()) + " given to " + who + percentIn(given.cpu(), cpu.orElse(0.0));
      memoryText += ", " + Capacity.bytes(given.memory()) + " given to " + who
          + percentIn(given.memory(), memory.orElse(0L));
    }
    bullet(Keyword.CPU.word(), cpuText);
    bullet(Keyword.MEMORY.word(), memoryText);
  }

  private static String percentIn(double part, double total) {
    String percent = Capacity.percent(part, total);
    return percent.isEmpty() ? "" : " (" + percent + (part > total ? ", overcommitted" : "") + ")";
  }

  private static String of(double part, double total, boolean known, String totalText) {
    return known ? " of " + totalText + percentIn(part, total) : "";
  }

  private static String amounts(Entity e) {
    String cpu = e.properties().cpuValue().map(x -> Capacity.cores(x) + " cpu").orElse("cpu ?");
    String memory = e.properties().memoryValue().map(q -> Capacity.bytes(q.bytes())).orElse("memory ?");
    return cpu + ", " + memory;
  }

  private void libraries(Entity e, String label) {
    if (!e.libraries().isEmpty()) {
      bullet(label, e.libraries().stream().map(l -> l.name().text() + " " + l.versionText())
          .collect(Collectors.joining(", ")));
    }
  }

  /** The blocks an entity holds, counted by kind: "2 vms, 1 container". */
  private void holds(Entity e) {
    List<String> parts = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      List<Entity> children = e.children(kind);
      if (!children.isEmpty()) {
        parts.add(children.size() == 1 ? "1 " + kind.keyword() + " `" + children.get(0).name().text() + "`"
            : children.size() + " " + kind.keyword() + "s");
      }
    }
    if (!parts.isEmpty()) {
      bullet("Holds", String.join(", ", parts));
    }
  }

  /** A library the host or VM underneath a container has: a container sees only its image. */
  private void providedBelow(Entity environment, String lib) {
    if (environment.kind() != EntityKind.CONTAINER) {
      return;
    }
    program.kernel(environment).flatMap(k -> k.library(lib).map(l -> describe(k) + " has " + lib + " "
        + l.versionText())).ifPresent(t -> md.append(" (").append(t)
        .append(", but a container sees only the libraries of its image.)"));
  }

  private void bullet(String label, String value) {
    md.append("- **").append(label).append(":** ").append(value).append('\n');
  }

  private static String mark(Provision.Status status) {
    return switch (status) {
      case SATISFIED -> "✓";
      case OUT_OF_RANGE, NOT_PROVIDED, NO_ENVIRONMENT -> "✗";
      case UNKNOWN -> "?";
    };
  }

  private static String describe(Entity e) {
    return e.describe();
  }

  /** " · in `lib.topo`" for an entity declared in another file than the one hovered. */
  private String where(Entity e) {
    URI source = e.span().source();
    if (source.normalize().equals(document.normalize())) {
      return "";
    }
    return " · in `" + relative(document, source) + "`";
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
