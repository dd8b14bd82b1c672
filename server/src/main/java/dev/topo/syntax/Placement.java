package dev.topo.syntax;

import dev.topo.model.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which statements the language allows in which block (the specification's table). */
public final class Placement {
  /** Statements allowed at the top of a file. */
  public static final Set<String> TOP_LEVEL = Set.of("import", "host", "cluster");

  private static final Map<EntityKind, Set<String>> ALLOWED = Map.of(
      EntityKind.HOST, Set.of("os", "cpu", "memory", "hypervisor", "runtime", "library", "vm", "container", "module"),
      EntityKind.VM, Set.of("os", "cpu", "memory", "runtime", "library", "container", "module"),
      EntityKind.CONTAINER, Set.of("os", "cpu", "memory", "image", "privileged", "share", "library", "module"),
      EntityKind.CLUSTER, Set.of("nodes", "pod"),
      EntityKind.POD, Set.of("replicas", "container"),
      EntityKind.MODULE, Set.of("language", "requires", "load"));

  /** Statements that may be given more than once in a block. */
  private static final Set<String> REPEATABLE =
      Set.of("library", "requires", "vm", "container", "module", "pod", "host", "cluster", "import");

  private Placement() {}

  /** The statements allowed directly inside a block of this kind, or at the top for null. */
  public static Set<String> allowedIn(EntityKind kind) {
    return kind == null ? TOP_LEVEL : ALLOWED.get(kind);
  }

  public static boolean isAllowed(String keyword, EntityKind in) {
    return allowedIn(in).contains(keyword);
  }

  public static boolean isRepeatable(String keyword) {
    return REPEATABLE.contains(keyword);
  }

  /** Where a statement belongs, for messages: "in a host, vm or container", "at the top of a file". */
  public static String whereAllowed(String keyword) {
    List<String> places = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      if (ALLOWED.get(kind).contains(keyword)) {
        places.add(kind.keyword());
      }
    }
    if (places.isEmpty()) {
      return "at the top of a file";
    }
    if (places.size() == 1) {
      return "in a " + places.get(0);
    }
    String first = String.join(", ", places.subList(0, places.size() - 1));
    return "in a " + first + " or " + places.get(places.size() - 1);
  }
}
