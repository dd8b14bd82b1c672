package dev.topo.ide;

import dev.topo.model.CgroupVersion;
import dev.topo.model.Entity;
import dev.topo.model.Isolation;
import dev.topo.model.Property;
import dev.topo.model.Version;
import java.util.Optional;

/**
 * What is known of the platform a host or VM offers what runs on it, each fact with where it
 * came from, for hovers: its Linux kernel, its cgroup version, its Windows build, and the
 * isolation its Windows containers get when they declare none.
 *
 * <p>{@link #of} is the one place these facts are derived: today from the machine's own
 * {@code kernel} and {@code cgroup} statements; the release tables (a distribution's kernel and
 * default cgroup version, a Windows release's build and edition) fill what those leave out.
 *
 * @param kernel the Linux kernel's version
 * @param cgroup the cgroup version the kernel mounts
 * @param windowsBuild the Windows build number (20348 for Server 2022)
 * @param containerIsolation the isolation of a Windows container that declares none
 */
public record Platform(Optional<Fact<Version>> kernel, Optional<Fact<CgroupVersion>> cgroup,
    Optional<Fact<Integer>> windowsBuild, Optional<Fact<Isolation>> containerIsolation) {

  /**
   * A value and where it came from, as a hover shows it in parentheses after the value.
   *
   * @param source "declared", "from the release table: RHEL 9", "the default on Windows Server 2022"
   */
  public record Fact<T>(T value, String source) {
    public static final String DECLARED = "declared";

    /** A value the topology states itself. */
    public static <T> Fact<T> declared(T value) {
      return new Fact<>(value, DECLARED);
    }
  }

  /** The facts of a host or VM; a statement of its own overrides what any table says. */
  public static Platform of(Entity machine) {
    var p = machine.properties();
    return new Platform(
        p.kernel().flatMap(Property::known).map(Fact::declared),
        p.cgroup().flatMap(Property::known).map(Fact::declared),
        Optional.empty(),
        Optional.empty());
  }
}
