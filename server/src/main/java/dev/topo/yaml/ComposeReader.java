package dev.topo.yaml;

import dev.topo.model.Entity;
import dev.topo.model.EntityDraft;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Keyword;
import dev.topo.model.LineMap;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import dev.topo.yaml.Reading.Skipped;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a Docker Compose file as the model of one host running its services: each service is
 * a container named by its key, with its image, limits and reservations, privilege, the host
 * namespaces it joins and its platform. The host is not in the file: its name, OS, cpu,
 * memory and architecture come from the options, and it runs {@code runtime docker}. What
 * the model has no place for (volumes, networks, ports, healthchecks...) is skipped and
 * counted; a value that cannot be read is a problem at its YAML span.
 */
public final class ComposeReader {
  /**
   * The host the services run on.
   *
   * @param hostOs its OS family, optionally followed by a release ({@code windows "10.0.20348"}
   *     is written {@code windows 10.0.20348})
   * @param hostCpu cores, hostMemory an amount, hostArch an architecture, as a {@code .topo} file writes them
   */
  public record Options(String hostName, String hostOs, Optional<String> hostCpu, Optional<String> hostMemory,
      Optional<String> hostArch) {
    /** A Linux host of unknown size and architecture. */
    public static Options host(String name) {
      return new Options(name, "linux", Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** Top-level keys that describe no part of the topology, so are neither read nor counted. */
  private static final Set<String> METADATA = Set.of("version", "name");

  private final YamlText yaml;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final Statements statements = new Statements(problems::add);

  private ComposeReader(YamlText yaml) {
    this.yaml = yaml;
  }

  public static Reading read(URI uri, String text, Options options) {
    LineMap lines = LineMap.of(text);
    ComposeReader reader = new ComposeReader(new YamlText(uri, text));
    List<Entity> declarations = reader.file(options);
    // A value looked up more than once (a service's platform) may be said to be wrong more than once: say it once.
    List<Problem> problems = List.copyOf(new LinkedHashSet<>(reader.problems));
    return new Reading(new FileModel(uri, text, lines, List.of(), declarations, problems, List.of()),
        List.copyOf(reader.skipped), reader.statements.written());
  }

  private List<Entity> file(Options options) {
    YamlText.Documents documents = yaml.documents();
    documents.problem().ifPresent(problems::add);
    List<YamlNode> nodes = documents.nodes().stream().map(n -> new YamlNode(yaml, n, problems::add))
        .filter(n -> !n.isNull()).toList();
    if (nodes.isEmpty()) {
      if (documents.problem().isEmpty()) {
        problems.add(notCompose(new Span(yaml.uri(), 0, 0), "it is empty"));
      }
      return List.of();
    }
    YamlNode document = nodes.get(0);
    nodes.stream().skip(1).forEach(d -> skip("document", d.span()));
    Optional<YamlNode.Entry> services = document.entry("services");
    if (services.isEmpty() || !services.get().value().isMap()) {
      problems.add(notCompose(document.span(), services.isEmpty() ? "it has no 'services'"
          : "its 'services' is " + services.get().value().shape() + ", not a mapping of services"));
      return List.of();
    }
    if (!services.get().value().plain()) {
      return List.of();
    }
    for (YamlNode.Entry entry : document.entries()) {
      if (!entry.key().text().equals("services") && !METADATA.contains(entry.key().text())) {
        skip(entry.key().text(), Absolute.at(entry.key()));
      }
    }
    return List.of(host(options, document, services.get()));
  }

  private Problem notCompose(Span span, String why) {
    return new Problem(ProblemCode.INVALID_VALUE, span, "not a Compose file: " + why
        + " (a Compose file has a top-level 'services' mapping)");
  }

  /** The host, whose statements come from the options and stand at the {@code services} key for want of a line of their own. */
  private Entity host(Options options, YamlNode document, YamlNode.Entry services) {
    Span at = Absolute.at(services.key());
    EntityDraft host = new EntityDraft(EntityKind.HOST, Entity.described(EntityKind.HOST, options.hostName()), problems::add);
    String[] os = options.hostOs().trim().split("\\s+", 2);
    statements.add(host, Keyword.OS, at, os.length == 1 ? new Name[] {name(os[0], at)}
        : new Name[] {name(os[0], at), name(os[1], at)});
    statements.add(host, Keyword.RUNTIME, at, name("docker", at));
    options.hostCpu().ifPresent(cpu -> statements.add(host, Keyword.CPU, at, name(cpu, at)));
    options.hostMemory().ifPresent(memory -> statements.add(host, Keyword.MEMORY, at, name(memory, at)));
    options.hostArch().ifPresent(arch -> statements.add(host, Keyword.ARCH, at, name(arch, at)));
    for (YamlNode.Entry service : services.value().entries()) {
      container(service).ifPresent(host::addChild);
    }
    return statements.built(host, host.toEntity(name(options.hostName(), at), document.span()));
  }

  private Optional<Entity> container(YamlNode.Entry service) {
    Name serviceName = service.key();
    YamlNode body = service.value();
    if (!mapping(body, () -> "service '" + serviceName.text() + "' is " + body.shape() + ", not a mapping of its settings")) {
      return Optional.empty();
    }
    EntityDraft container = new EntityDraft(EntityKind.CONTAINER, Entity.described(EntityKind.CONTAINER, serviceName.text()), problems::add);
    List<Name> shared = new ArrayList<>();
    Span sharedStatement = null;
    for (YamlNode.Entry field : body.entries()) {
      String key = field.key().text();
      String what = serviceName.text() + "." + key;
      YamlNode value = field.value();
      Span statement = Absolute.at(field.key()).to(value.span());
      switch (key) {
        case "image" -> string(value, what).ifPresent(n -> statements.add(container, Keyword.IMAGE, statement, n));
        case "privileged" -> scalar(value, what).map(ComposeReader::yamlBoolean)
            .ifPresent(n -> statements.add(container, Keyword.PRIVILEGED, statement, n));
        case "cpus" -> scalar(value, what).ifPresent(n -> statements.add(container, Keyword.CPU, statement, n));
        case "mem_limit" -> memory(container, Keyword.MEMORY, statement, value, what);
        case "mem_reservation" -> memory(container, Keyword.MEMORY_REQUEST, statement, value, what);
        case "platform" -> platform(container, statement, value, what);
        case "deploy" -> deploy(container, value, what);
        case "network_mode", "pid", "ipc" -> {
          Optional<Name> mode = string(value, what);
          if (mode.isPresent() && mode.get().text().equals("host")) {
            shared.add(new Name(namespace(key), mode.get().span()));
            sharedStatement = sharedStatement == null ? statement : sharedStatement.to(statement);
          } else if (mode.isPresent()) {
            // Another container's namespaces ("service:db") or a network of Docker's: no place in the model.
            skip(what, Absolute.at(field.key()));
          }
        }
        default -> skip(what, Absolute.at(field.key()));
      }
    }
    if (!shared.isEmpty()) {
      statements.addSlots(container, Keyword.SHARE, sharedStatement, List.of(shared));
    }
    if (body.entry("platform").isEmpty()) {
      // Compose runs a service without a platform as a Linux container (Docker's default daemon mode).
      Span at = Absolute.at(serviceName);
      statements.assumed(container, Keyword.OS, at, "no platform, and Docker runs Linux containers", name("linux", at));
    }
    return Optional.of(statements.built(container, container.toEntity(serviceName, Absolute.at(serviceName).to(body.span()))));
  }

  /** YAML 1.2 also spells its booleans True and TRUE; topo writes them in lower case. */
  private static Name yamlBoolean(Name value) {
    return List.of("True", "TRUE", "False", "FALSE").contains(value.text())
        ? new Name(value.text().toLowerCase(java.util.Locale.ROOT), value.span()) : value;
  }

  private static String namespace(String composeKey) {
    return composeKey.equals("network_mode") ? "network" : composeKey;
  }

  /** {@code os[/arch[/variant]]}: the variant ({@code v8}) has no place in the model. */
  private void platform(EntityDraft container, Span statement, YamlNode value, String what) {
    string(value, what).ifPresent(platform -> {
      String[] parts = platform.text().split("/");
      statements.add(container, Keyword.OS, statement, name(parts[0], Absolute.at(platform)));
      if (parts.length > 1) {
        statements.add(container, Keyword.ARCH, statement, name(parts[1], Absolute.at(platform)));
      }
    });
  }

  /** {@code deploy}: its resources and replicas; the rest (restart policy, placement, updates) is skipped. */
  private void deploy(EntityDraft container, YamlNode deploy, String what) {
    if (!mapping(deploy, what)) {
      return;
    }
    for (YamlNode.Entry field : deploy.entries()) {
      String key = field.key().text();
      switch (key) {
        case "resources" -> resources(container, field.value(), what + ".resources");
        case "replicas" -> replicas(field, what + ".replicas");
        default -> skip(what + "." + key, Absolute.at(field.key()));
      }
    }
  }

  /**
   * More than one replica has no place: a container on a host is one container, and a pod,
   * which has replicas, belongs in a cluster. One replica is what the container already is.
   */
  private void replicas(YamlNode.Entry field, String what) {
    scalar(field.value(), what).ifPresent(n -> {
      if (!n.text().matches("\\d{1,9}")) {
        problems.add(new Problem(ProblemCode.INVALID_VALUE, Absolute.at(n), "replicas is a whole number, not '" + n.text() + "'"));
      } else if (Integer.parseInt(n.text()) > 1) {
        skip(what, Absolute.at(field.key()));
      }
    });
  }

  private void resources(EntityDraft container, YamlNode resources, String what) {
    if (!mapping(resources, what)) {
      return;
    }
    for (YamlNode.Entry field : resources.entries()) {
      String key = field.key().text();
      switch (key) {
        case "limits" -> amounts(container, field.value(), what + ".limits", Keyword.CPU, Keyword.MEMORY);
        case "reservations" -> amounts(container, field.value(), what + ".reservations", Keyword.CPU_REQUEST,
            Keyword.MEMORY_REQUEST);
        default -> skip(what + "." + key, Absolute.at(field.key()));
      }
    }
  }

  /** {@code cpus} and {@code memory} of limits or reservations; pids and devices are skipped. */
  private void amounts(EntityDraft container, YamlNode amounts, String what, Keyword cpu, Keyword memory) {
    if (!mapping(amounts, what)) {
      return;
    }
    for (YamlNode.Entry field : amounts.entries()) {
      String key = field.key().text();
      Span statement = Absolute.at(field.key()).to(field.value().span());
      switch (key) {
        case "cpus" -> scalar(field.value(), what + ".cpus").ifPresent(n -> statements.add(container, cpu, statement, n));
        case "memory" -> memory(container, memory, statement, field.value(), what + ".memory");
        default -> skip(what + "." + key, Absolute.at(field.key()));
      }
    }
  }

  /** A Compose byte value, in the units of the {@code memory} statement (see {@link ComposeUnits}). */
  private void memory(EntityDraft container, Keyword keyword, Span statement, YamlNode value, String what) {
    scalar(value, what).ifPresent(n -> ComposeUnits.memory(n.text()).ifPresentOrElse(
        amount -> statements.add(container, keyword, statement, name(amount, Absolute.at(n))),
        () -> problems.add(new Problem(ProblemCode.INVALID_VALUE, Absolute.at(n), "'" + n.text()
            + "' is not an amount of memory as Compose writes it: a number of bytes, or a number and b, k, m or g"
            + " (powers of 1024: 512m, 1g, 1gb)"))));
  }

  /** A scalar value with its span; anything else is a problem there. */
  private Optional<Name> scalar(YamlNode value, String what) {
    if (!value.plain()) {
      return Optional.empty();
    }
    Optional<String> text = value.text();
    if (text.isEmpty()) {
      problems.add(new Problem(ProblemCode.INVALID_VALUE, value.span(), "'" + what + "' is " + value.shape()
          + ", not a single value"));
    }
    return text.map(t -> new Name(t, value.span()));
  }

  /** A value Compose reads only as text (its schema says string): a number or true/false there is a problem. */
  private Optional<Name> string(YamlNode value, String what) {
    Optional<Name> text = scalar(value, what);
    if (text.isPresent() && !value.isString()) {
      problems.add(new Problem(ProblemCode.INVALID_VALUE, value.span(), "'" + what + "' is " + value.shape()
          + ", which YAML reads as a number or true/false, not text: quote it"));
      return Optional.empty();
    }
    return text;
  }

  private boolean mapping(YamlNode value, String what) {
    return mapping(value, () -> "'" + what + "' is " + value.shape() + ", not a mapping");
  }

  /** Whether a value is a mapping; anything else is a problem there, in the words given. */
  private boolean mapping(YamlNode value, Supplier<String> otherwise) {
    if (!value.plain()) {
      return false;
    }
    if (!value.isMap()) {
      problems.add(new Problem(ProblemCode.INVALID_VALUE, value.span(), otherwise.get()));
    }
    return value.isMap();
  }

  private void skip(String what, Span at) {
    skipped.add(new Skipped(what, at));
  }

  private static Name name(String text, Span span) {
    return new Name(text, span);
  }
}
