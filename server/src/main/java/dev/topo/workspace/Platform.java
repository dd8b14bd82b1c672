package dev.topo.workspace;

import dev.topo.model.Arch;
import dev.topo.model.CgroupVersion;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.InvalidValueException;
import dev.topo.model.Isolation;
import dev.topo.model.LinuxRelease;
import dev.topo.model.Message;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Version;
import dev.topo.model.WindowsBuilds;
import dev.topo.model.WindowsEdition;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the kernel of a host or VM is, as the rules and hovers reason with it: each fact as
 * declared, else derived from the OS release by the tables of {@code docs/platforms.md}, else
 * unknown (and then not checked).
 *
 * @param arch the CPU architecture (a VM's host's when it declares none)
 * @param kernel the Linux kernel version
 * @param cgroup the cgroup version the kernel mounts
 * @param windowsBuild the Windows build number
 * @param windowsEdition for a Windows machine, whether it is a server or Windows 10 or 11
 */
public record Platform(Optional<Fact<Arch>> arch, Optional<Fact<Version>> kernel, Optional<Fact<CgroupVersion>> cgroup,
    Optional<Fact<Integer>> windowsBuild, Optional<WindowsEdition> windowsEdition) {

  /** A fact and where it comes from: "declared", "the host's", "Ubuntu 22.04". */
  public record Fact<T>(T value, Message said) {
    /** A source no bundle holds: a release's name ("Ubuntu 22.04"). */
    public Fact(T value, String source) {
      this(value, Message.literal(source));
    }

    /** Where the value comes from, in English. */
    public String source() {
      return said.english();
    }

    /** Facts are the same when they say the same: a source is text, however it was made. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Fact<?> f && Objects.equals(value, f.value) && source().equals(f.source());
    }

    @Override
    public int hashCode() {
      return Objects.hash(value, source());
    }
  }

  /** The source of a value the file gives itself. */
  public static final Message DECLARED = Message.of("fact.declared");

  /**
   * What the release table gives a machine of a Linux release, worked out once per spelling
   * ({@link Program#linuxRelease}): a rule asks the kernel of every machine after every keystroke.
   */
  record ReleaseFacts(Optional<Fact<Version>> kernel, Optional<Fact<CgroupVersion>> cgroup) {
    static final ReleaseFacts NONE = new ReleaseFacts(Optional.empty(), Optional.empty());

    static ReleaseFacts of(Optional<LinuxRelease> release) {
      return new ReleaseFacts(release.flatMap(Platform::kernelOf), release.map(r -> new Fact<>(r.cgroup(), describe(r))));
    }
  }

  /** The platform of a host or VM; callers ask {@link Program#platform}, which keeps it. */
  static Platform of(Program program, Entity machine) {
    Optional<OsSpec> os = machine.properties().os().flatMap(Property::known);
    Optional<OsFamily> family = os.flatMap(OsSpec::family);
    Optional<String> release = os.flatMap(OsSpec::release);
    ReleaseFacts linux = family.filter(f -> f == OsFamily.LINUX).flatMap(f -> release)
        .map(program::linuxRelease).orElse(ReleaseFacts.NONE);
    boolean windows = family.filter(f -> f == OsFamily.WINDOWS).isPresent();
    return new Platform(arch(program, machine),
        declared(machine.properties().kernel()).or(linux::kernel),
        declared(machine.properties().cgroup()).or(linux::cgroup),
        windows ? release.flatMap(r -> fact(WindowsBuilds.ofRelease(r), Message.of("fact.release", r))) : Optional.empty(),
        windows ? Optional.of(WindowsBuilds.editionOf(release.orElse(""))) : Optional.empty());
  }

  /**
   * The Windows build a container's image is made for: its {@code os windows "RELEASE"}'s,
   * else its image tag's.
   */
  public static Optional<Fact<Integer>> windowsBuild(Entity container) {
    Optional<Fact<Integer>> fromRelease = container.properties().os().flatMap(Property::known)
        .flatMap(OsSpec::release).flatMap(r -> fact(WindowsBuilds.ofRelease(r), Message.of("fact.release", r)));
    return fromRelease.or(() -> container.properties().image().flatMap(Property::known)
        .flatMap(image -> fact(WindowsBuilds.ofImage(image.reference()), Message.of("fact.image-tag"))));
  }

  /** How a container is isolated on this machine: as it declares, else, for a Windows container, the edition's default. */
  public Optional<Fact<Isolation>> isolationOf(Entity container) {
    Optional<Fact<Isolation>> own = declared(container.properties().isolation());
    boolean windows = container.properties().osFamily().filter(f -> f == OsFamily.WINDOWS).isPresent();
    return own.or(() -> windowsEdition.filter(e -> windows)
        .map(e -> new Fact<>(e.defaultIsolation(), Message.of("fact.default-on", e.label()))));
  }

  private static Optional<Fact<Arch>> arch(Program program, Entity machine) {
    Optional<Arch> arch = program.arch(machine);
    boolean own = machine.properties().arch().isPresent();
    return arch.map(a -> new Fact<>(a, own || machine.kind() == EntityKind.HOST ? DECLARED : Message.of("fact.host")));
  }

  private static Optional<Fact<Version>> kernelOf(LinuxRelease release) {
    return release.kernel().flatMap(k -> {
      try {
        return Optional.of(new Fact<>(Version.parse(k), describe(release)));
      } catch (InvalidValueException e) {
        return Optional.empty();
      }
    });
  }

  private static String describe(LinuxRelease release) {
    return release.distribution() + " " + release.version();
  }

  private static <T> Optional<Fact<T>> declared(Optional<Property<T>> property) {
    return property.flatMap(Property::known).map(v -> new Fact<>(v, DECLARED));
  }

  private static Optional<Fact<Integer>> fact(OptionalInt build, Message source) {
    return build.isPresent() ? Optional.of(new Fact<>(build.getAsInt(), source)) : Optional.empty();
  }
}
