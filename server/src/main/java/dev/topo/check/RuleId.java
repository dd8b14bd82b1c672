package dev.topo.check;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every rule's stable id (used in output, configuration, suppressions and quick fixes), its
 * default severity and a one-line title.
 */
public enum RuleId {
  SYNTAX("syntax", Severity.ERROR, "The text does not parse"),
  UNKNOWN_REFERENCE("unknown-reference", Severity.ERROR, "A cluster's nodes entry names no host or VM"),
  DUPLICATE_NAME("duplicate-name", Severity.ERROR, "A name is declared twice in the same scope"),
  MISPLACED_PROPERTY("misplaced-property", Severity.ERROR, "A statement where it is not allowed, or given twice"),
  INVALID_VALUE("invalid-value", Severity.ERROR, "A value that means nothing: a bad unit, number, version or range"),
  IMPORT_ERROR("import-error", Severity.ERROR, "An import is missing, cyclic, or outside the workspace root"),
  CONTAINER_OS_MISMATCH("container-os-mismatch", Severity.ERROR, "A container's OS differs from the kernel it runs on"),
  MISSING_RUNTIME("missing-runtime", Severity.ERROR, "A container is placed where no container runtime is declared"),
  MISSING_HYPERVISOR("missing-hypervisor", Severity.ERROR, "A host holds a VM but declares no hypervisor"),
  LIBRARY_CONFLICT("library-conflict", Severity.WARNING, "Modules sharing one OS need versions of a library that no single version satisfies"),
  LIBRARY_UNSATISFIED("library-unsatisfied", Severity.WARNING, "A module needs a library its environment does not provide at a matching version"),
  OVERCOMMIT("overcommit", Severity.WARNING, "More cpu or memory is given out than the host, VM or cluster has"),
  UNSCHEDULABLE_POD("unschedulable-pod", Severity.ERROR, "One replica of a pod fits on no node of its cluster"),
  MISSING_LIMITS("missing-limits", Severity.WARNING, "A container has no cpu or no memory limit"),
  WEAK_ISOLATION("weak-isolation", Severity.WARNING, "A container is privileged or shares a host namespace"),
  UNPINNED_IMAGE("unpinned-image", Severity.WARNING, "A container image has no tag, or the tag latest"),
  UNKNOWN_OS("unknown-os", Severity.INFO, "A host, VM or container declares no os"),
  SCALING_GRANULARITY("scaling-granularity", Severity.INFO, "A busy module shares its machine with other modules");

  private final String id;
  private final Severity defaultSeverity;
  private final String title;

  RuleId(String id, Severity defaultSeverity, String title) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public String title() {
    return title;
  }

  public static Optional<RuleId> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(RuleId::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
