package dev.topo.yaml;

import dev.topo.model.Entity;
import dev.topo.model.EntityDraft;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Keyword;
import dev.topo.model.Label;
import dev.topo.model.LineMap;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.Span;
import dev.topo.yaml.Reading.Skipped;
import dev.topo.model.Toleration;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Kubernetes manifests (several documents, and {@code kind: List} as {@code kubectl get
 * -o yaml} prints) into one cluster: each {@code Node} a host, each workload a pod of the
 * cluster. Entities point at their YAML objects, names at {@code metadata.name}, values at
 * their YAML values. What the model has no place for is skipped and counted; what cannot be
 * read is a problem at its span.
 */
public final class KubernetesReader {
  /** @param clusterName the name of the cluster every Node and workload belongs to */
  public record Options(String clusterName) {}

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "Job", "CronJob", "Pod");
  /** Fields of a pod's spec and of a container that the model has no place for, counted when present. */
  private static final List<String> SKIPPED_POD_FIELDS = List.of("volumes");
  private static final List<String> SKIPPED_CONTAINER_FIELDS =
      List.of("livenessProbe", "readinessProbe", "startupProbe", "volumeMounts", "ports");
  private static final Pattern WINDOWS_BUILD = Pattern.compile("10\\.0\\.\\d+(?:\\.\\d+)?");

  private final YamlText yaml;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final Statements statements = new Statements(problems::add);

  private KubernetesReader(YamlText yaml) {
    this.yaml = yaml;
  }

  public static Reading read(URI uri, String text, Options options) {
    LineMap lines = LineMap.of(text);
    KubernetesReader reader = new KubernetesReader(new YamlText(uri, text));
    List<Entity> declarations = reader.declarations(new Span(uri, 0, text.length()), options.clusterName());
    // A malformed value met on several paths (metadata read for owners, then for the name) is said once.
    List<Problem> problems = List.copyOf(new LinkedHashSet<>(reader.problems));
    return new Reading(new FileModel(uri, text, lines, List.of(), declarations, problems, List.of()),
        List.copyOf(reader.skipped), reader.statements.written());
  }

  private List<Entity> declarations(Span file, String clusterName) {
    YamlText.Documents documents = yaml.documents();
    documents.problem().ifPresent(problems::add);
    List<YamlNode> objects = objects(documents);
    Owners owners = new Owners(objects);
    List<Entity> declarations = new ArrayList<>();
    List<Name> nodeNames = new ArrayList<>();
    List<YamlNode> workloads = new ArrayList<>();
    for (YamlNode object : objects) {
      Optional<Name> kind = object.scalar("kind");
      if (kind.isEmpty()) {
        object.problem(object.span(), "a Kubernetes object has a kind");
      } else if (owners.ownedInInput(object)) {
        skipped.add(new Skipped(kind.get().text() + " owned by another object of the input", object.span()));
      } else if (kind.get().text().equals("Node")) {
        node(object).ifPresent(host -> {
          declarations.add(host);
          nodeNames.add(host.name());
        });
      } else if (WORKLOADS.contains(kind.get().text())) {
        workloads.add(object);
      } else {
        skipped.add(new Skipped(kind.get().text(), object.span()));
      }
    }
    EntityDraft cluster = new EntityDraft(EntityKind.CLUSTER, Entity.described(EntityKind.CLUSTER, clusterName), problems::add);
    if (!nodeNames.isEmpty()) {
      statements.addSlots(cluster, Keyword.NODES, Absolute.at(nodeNames.get(0)), List.of(nodeNames));
    }
    for (YamlNode workload : workloads) {
      pod(workload).ifPresent(cluster::addChild);
    }
    declarations.add(statements.built(cluster, cluster.toEntity(new Name(clusterName, new Span(file.source(), 0, 0)), file)));
    return declarations;
  }

  /** The objects of every document, the items of a List in its place; what is no object is a problem. */
  private List<YamlNode> objects(YamlText.Documents documents) {
    List<YamlNode> objects = new ArrayList<>();
    for (var document : documents.nodes()) {
      YamlNode object = new YamlNode(yaml, document, problems::add);
      if (object.isNull()) {
        continue; // an empty document, as between two "---"
      }
      if (!object.isMap()) {
        object.problem(object.span(), "a Kubernetes manifest is a map with apiVersion and kind");
      } else if (object.scalar("kind").filter(k -> k.text().equals("List")).isPresent()) {
        for (YamlNode item : object.list("items")) {
          if (item.isMap()) {
            objects.add(item);
          } else {
            item.problem(item.span(), "an item of a List is a Kubernetes object: a map with apiVersion and kind");
          }
        }
      } else {
        objects.add(object);
      }
    }
    return objects;
  }

  /** The objects of the input by uid and by kind and name, to find those whose owner is there too. */
  private static final class Owners {
    private final Set<String> present = new HashSet<>();

    Owners(List<YamlNode> objects) {
      for (YamlNode object : objects) {
        object.scalar("metadata", "uid").ifPresent(uid -> present.add(uid.text()));
        object.scalar("kind").ifPresent(kind -> object.scalar("metadata", "name")
            .ifPresent(name -> present.add(kind.text() + "/" + name.text())));
      }
    }

    boolean ownedInInput(YamlNode object) {
      for (YamlNode owner : object.list("metadata", "ownerReferences")) {
        Optional<Name> uid = owner.scalar("uid");
        Optional<String> kindName = owner.scalar("kind").flatMap(k -> owner.scalar("name").map(n -> k.text() + "/" + n.text()));
        if (uid.filter(u -> present.contains(u.text())).isPresent() || kindName.filter(present::contains).isPresent()) {
          return true;
        }
      }
      return false;
    }
  }

  private Optional<Name> name(YamlNode object) {
    Optional<Name> name = object.string("metadata", "name");
    // A name or metadata of the wrong shape has been said already.
    boolean missing = object.at("metadata").map(YamlNode::isMap).orElse(true) && object.at("metadata", "name").isEmpty();
    if (missing) {
      object.problem(object.span(), "a Kubernetes object has a metadata.name");
    }
    return name;
  }

  /** A Node as a host: what its status says of its system and what it can allocate, and its labels. */
  private Optional<Entity> node(YamlNode object) {
    Optional<Name> name = name(object);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    EntityDraft host = new EntityDraft(EntityKind.HOST, Entity.described(EntityKind.HOST, name.get().text()), problems::add);
    Optional<YamlNode> info = object.map("status", "nodeInfo");
    Optional<Name> os = info.flatMap(i -> i.scalar("operatingSystem"));
    os.ifPresent(family -> {
      Optional<Name> release = family.text().equals("windows") ? windowsBuild(info.get()) : info.get().scalar("osImage");
      statements.add(host, Keyword.OS, Absolute.at(family), release.map(r -> new Name[] {family, r}).orElse(new Name[] {family}));
    });
    info.flatMap(i -> i.scalar("architecture")).ifPresent(arch -> {
      statements.add(host, Keyword.ARCH, Absolute.at(arch), arch);
    });
    if (os.filter(o -> o.text().equals("linux")).isPresent()) {
      info.flatMap(i -> i.scalar("kernelVersion"))
          .ifPresent(kernel -> statements.add(host, Keyword.KERNEL, Absolute.at(kernel), kernel));
    }
    info.flatMap(i -> i.scalar("containerRuntimeVersion")).ifPresent(runtime -> {
      // containerd://1.7.2: the tool, then its version.
      int sep = runtime.text().indexOf("://");
      Name tool = new Name(sep < 0 ? runtime.text() : runtime.text().substring(0, sep), runtime.span());
      statements.add(host, Keyword.RUNTIME, Absolute.at(runtime),
          sep < 0 ? new Name[] {tool} : new Name[] {tool, new Name(runtime.text().substring(sep + 3), runtime.span())});
    });
    // What pods may take: allocatable (capacity less what the system reserves), else the capacity.
    resource(object, "cpu").ifPresent(cpu -> statements.add(host, Keyword.CPU, Absolute.at(cpu), cpu));
    resource(object, "memory").ifPresent(memory -> statements.add(host, Keyword.MEMORY, Absolute.at(memory), memoryName(memory)));
    // The built-in labels (kubernetes.io/os and arch) are the node's os and arch, said above.
    object.map("metadata", "labels").ifPresent(map -> map.strings().forEach((key, value) -> {
      if (Label.BuiltIn.of(key.text()).isEmpty()) {
        statements.add(host, Keyword.LABEL, Absolute.at(key).to(Absolute.at(value)), key, value);
      }
    }));
    object.list("spec", "taints").forEach(taint -> taint(host, taint));
    return Optional.of(statements.built(host, host.toEntity(name.get(), object.span())));
  }

  /** A NoSchedule or NoExecute taint; PreferNoSchedule is only a preference, which the model leaves out. */
  private void taint(EntityDraft host, YamlNode taint) {
    Optional<Name> key = taint.scalar("key");
    Optional<Name> effect = taint.scalar("effect");
    if (key.isEmpty() || effect.isEmpty()) {
      taint.problem(taint.span(), "a taint has a key and an effect");
      return;
    }
    String word = switch (effect.get().text()) {
      case "NoSchedule" -> "no-schedule";
      case "NoExecute" -> "no-execute";
      default -> null;
    };
    if (word == null) {
      skipped.add(new Skipped("Node taint with effect " + effect.get().text(), taint.span()));
      return;
    }
    Name value = taint.scalar("value").orElse(new Name("", key.get().span()));
    statements.add(host, Keyword.TAINT, taint.span(), key.get(), value, new Name(word, effect.get().span()));
  }

  private static Optional<Name> resource(YamlNode node, String name) {
    return node.scalar("status", "allocatable", name).or(() -> node.scalar("status", "capacity", name));
  }

  /** A Windows node's build from its kernel version (10.0.20348.2527), else its OS image's name. */
  private static Optional<Name> windowsBuild(YamlNode info) {
    Optional<Name> kernel = info.scalar("kernelVersion");
    if (kernel.isPresent()) {
      Matcher m = WINDOWS_BUILD.matcher(kernel.get().text());
      if (m.lookingAt()) {
        return Optional.of(new Name(m.group(), kernel.get().span()));
      }
    }
    return info.scalar("osImage");
  }

  private static Name memoryName(Name written) {
    return new Name(KubernetesQuantities.memory(written.text()), written.span());
  }

  /** A selector of a pod: the key (os and arch for the built-in labels), the value. */
  private record Selector(Name key, Name value) {
    Optional<Label.BuiltIn> builtIn() {
      return Label.BuiltIn.of(key.text());
    }

    String labelKey() {
      return builtIn().map(b -> "kubernetes.io/" + b.word()).orElse(key.text());
    }
  }

  /** A workload as a pod: its replicas, what it selects, and its containers. */
  private Optional<Entity> pod(YamlNode object) {
    String kind = object.scalar("kind").orElseThrow().text();
    Optional<Name> name = name(object);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlNode> spec = switch (kind) {
      case "Pod" -> object.map("spec");
      case "CronJob" -> object.map("spec", "jobTemplate", "spec", "template", "spec");
      default -> object.map("spec", "template", "spec");
    };
    if (spec.isEmpty()) {
      object.problem(object.span(), kind + " '" + name.get().text() + "' has no pod spec");
      return Optional.empty();
    }
    Optional<Name> replicas = switch (kind) {
      case "Deployment", "StatefulSet", "ReplicaSet" -> object.scalar("spec", "replicas");
      case "Job" -> object.scalar("spec", "parallelism");
      case "CronJob" -> object.scalar("spec", "jobTemplate", "spec", "parallelism");
      default -> Optional.empty();
    };
    if (replicas.filter(r -> r.text().equals("0")).isPresent()) {
      skipped.add(new Skipped(kind + " scaled to 0 replicas", Absolute.at(replicas.get())));
      return Optional.empty();
    }
    EntityDraft pod = new EntityDraft(EntityKind.POD, Entity.described(EntityKind.POD, name.get().text()), problems::add);
    List<Selector> selectors = selectors(spec.get(), kind);
    selectors.forEach(s -> statements.add(pod, Keyword.SELECT, Absolute.at(s.key()).to(Absolute.at(s.value())), s.key(), s.value()));
    if (kind.equals("DaemonSet")) {
      Name daemonSet = object.scalar("kind").orElseThrow();
      statements.add(pod, Keyword.DAEMON, Absolute.at(daemonSet), new Name("true", Absolute.at(daemonSet)));
    }
    replicas.ifPresent(r -> statements.add(pod, Keyword.REPLICAS, Absolute.at(r), r));
    spec.get().list("tolerations").forEach(toleration -> toleration(pod, toleration));
    Optional<Name> os = selectors.stream().filter(s -> s.builtIn().filter(b -> b == Label.BuiltIn.OS).isPresent())
        .map(Selector::value).findFirst();
    for (String field : SKIPPED_POD_FIELDS) {
      spec.get().at(field).ifPresent(f -> skipped.add(new Skipped(kind + " " + field, f.span())));
    }
    List<Name> shared = sharedNamespaces(spec.get());
    for (YamlNode container : spec.get().list("initContainers")) {
      // A sidecar (an init container that restarts always) runs beside the others for the pod's life.
      boolean sidecar = container.scalar("restartPolicy").filter(p -> p.text().equals("Always")).isPresent();
      container(container, os, shared, !sidecar).ifPresent(pod::addChild);
    }
    for (YamlNode container : spec.get().list("containers")) {
      container(container, os, shared, false).ifPresent(pod::addChild);
    }
    return Optional.of(statements.built(pod, pod.toEntity(name.get(), object.span())));
  }

  /**
   * A toleration by key and value; {@code operator: Exists} without a key tolerates every
   * taint. Its effect is not kept: a toleration of a key tolerates its every effect.
   */
  private void toleration(EntityDraft pod, YamlNode toleration) {
    Optional<Name> key = toleration.scalar("key");
    boolean exists = toleration.scalar("operator").filter(o -> o.text().equals("Exists")).isPresent();
    if (key.isEmpty() || key.get().text().isEmpty()) {
      if (exists) {
        statements.add(pod, Keyword.TOLERATE, toleration.span(), new Name(Toleration.EVERY_TAINT, toleration.span()));
      } else {
        toleration.problem(toleration.span(), "a toleration without a key has operator Exists");
      }
      return;
    }
    Optional<Name> value = exists ? Optional.empty() : toleration.scalar("value");
    statements.add(pod, Keyword.TOLERATE, toleration.span(),
        value.map(v -> new Name[] {key.get(), v}).orElse(new Name[] {key.get()}));
  }

  /** nodeSelector, spec.os.name and the required node affinity's single term, where it asks for one value of a label. */
  private List<Selector> selectors(YamlNode spec, String kind) {
    List<Selector> selectors = new ArrayList<>();
    spec.map("nodeSelector").ifPresent(map -> map.strings().forEach((key, value) -> selectors.add(selector(key, value))));
    spec.scalar("os", "name").ifPresent(os -> selectors.add(new Selector(new Name("os", os.span()), os)));
    Optional<YamlNode> required = spec.at("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
    if (required.isEmpty()) {
      return selectors;
    }
    List<YamlNode> terms = required.get().list("nodeSelectorTerms");
    if (terms.size() != 1) {
      // Terms are alternatives: selectors, which must all match, cannot say that.
      skipped.add(new Skipped(kind + " node affinity with " + terms.size() + " terms", required.get().span()));
      return selectors;
    }
    for (YamlNode expression : terms.get(0).list("matchExpressions")) {
      Optional<Name> key = expression.scalar("key");
      List<YamlNode> values = expression.list("values");
      Optional<Name> value = values.size() == 1 ? values.get(0).scalar() : Optional.empty();
      if (key.isPresent() && value.isPresent() && expression.scalar("operator").filter(o -> o.text().equals("In")).isPresent()) {
        selectors.add(selector(key.get(), value.get()));
      } else {
        skipped.add(new Skipped(kind + " node affinity expression", expression.span()));
      }
    }
    return selectors;
  }

  /** The built-in labels by topo's own keys (select os "linux"), others as written. */
  private static Selector selector(Name key, Name value) {
    return new Selector(Label.BuiltIn.of(key.text()).map(b -> new Name(b.word(), key.span())).orElse(key), value);
  }

  /** hostNetwork, hostPID and hostIPC as the namespaces the pod's containers share with their node. */
  private static List<Name> sharedNamespaces(YamlNode spec) {
    List<Name> shared = new ArrayList<>();
    Map.of("hostNetwork", "network", "hostPID", "pid", "hostIPC", "ipc").entrySet().stream()
        .sorted(Map.Entry.comparingByValue()).forEach(field ->
            spec.isTrue(field.getKey()).ifPresent(on -> shared.add(new Name(field.getValue(), on.span()))));
    return shared;
  }

  private Optional<Entity> container(YamlNode container, Optional<Name> podOs, List<Name> shared, boolean init) {
    Optional<Name> name = container.string("name");
    if (name.isEmpty() && container.at("name").isEmpty()) {
      container.problem(container.span(), "a container has a name");
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    EntityDraft draft = new EntityDraft(EntityKind.CONTAINER, Entity.described(EntityKind.CONTAINER, name.get().text()), problems::add);
    // The pod's OS selector says the containers' OS; without one, Kubernetes containers are Linux ones.
    if (podOs.isPresent()) {
      Name os = new Name(podOs.get().text().toLowerCase(Locale.ROOT), podOs.get().span());
      statements.add(draft, Keyword.OS, Absolute.at(os), os);
    } else {
      statements.assumed(draft, Keyword.OS, container.span(), "the pod selects no OS, and Kubernetes runs Linux containers",
          new Name("linux", container.span()));
    }
    container.string("image").ifPresent(image -> {
      statements.add(draft, Keyword.IMAGE, Absolute.at(image), image);
      JvmImages.of(image.text()).ifPresent(jvm -> statements.add(draft, Keyword.LIBRARY, Absolute.at(image),
          new Name(jvm.library(), image.span()), new Name(jvm.version(), image.span())));
    });
    resources(container, draft, "limits", Keyword.CPU, Keyword.MEMORY);
    resources(container, draft, "requests", Keyword.CPU_REQUEST, Keyword.MEMORY_REQUEST);
    if (init) {
      statements.add(draft, Keyword.INIT, Absolute.at(name.get()), new Name("true", Absolute.at(name.get())));
    }
    container.isTrue("securityContext", "privileged")
        .ifPresent(p -> statements.add(draft, Keyword.PRIVILEGED, Absolute.at(p), p));
    if (!shared.isEmpty()) {
      statements.addSlots(draft, Keyword.SHARE, Absolute.at(shared.get(0)), List.of(shared));
    }
    for (String field : SKIPPED_CONTAINER_FIELDS) {
      container.at(field).ifPresent(f -> skipped.add(new Skipped("container " + field, f.span())));
    }
    return Optional.of(statements.built(draft, draft.toEntity(name.get(), container.span())));
  }

  private void resources(YamlNode container, EntityDraft draft, String which, Keyword cpu, Keyword memory) {
    container.map("resources", which).ifPresent(r -> {
      r.scalar("cpu").ifPresent(c -> statements.add(draft, cpu, Absolute.at(c), c));
      r.scalar("memory").ifPresent(m -> statements.add(draft, memory, Absolute.at(m), memoryName(m)));
    });
  }
}
