package dev.topo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kernels and default cgroup versions of common Linux releases, from the vendors' own pages.
 * A release is looked up by distribution name and version, ignoring case and whatever follows
 * ({@code Rocky Linux 9.3 (Blue Onyx)} is Rocky Linux 9, {@code Ubuntu 22.04.3 LTS} is 22.04):
 * by major version, except Ubuntu by year and month. RHEL's rebuilds share its kernels by major
 * version. A version the table does not list still has its distribution's default cgroup
 * version (Ubuntu 23.10 uses v2), but no kernel.
 */
public final class LinuxReleases {
  private enum Numbering { MAJOR, YEAR_MONTH }

  /** How a distribution is written in a release (words joined by '|', for a regular expression), and the name it is shown by. */
  private record Spelling(String pattern, String name) {
    /** Whether a word the family's pattern matched is one of this spelling's: compared, as compiling it costs a lookup most of its time. */
    boolean spells(String word) {
      return List.of(pattern.split("\\|")).contains(word);
    }
  }

  /** The first kernel of a release, and the page that says so. */
  private record Kernel(String release, String version, String source) {}

  /** Distributions that share their kernels by version; cgroup v2 is the default from {@code v2From}. */
  private record Family(List<Spelling> spellings, Numbering numbering, Version v2From, String cgroupSource,
      List<Kernel> kernels) {
    String label() {
      return spellings.stream().map(Spelling::name).collect(Collectors.joining(", "));
    }
  }

  private static final String RHEL_DATES = "Red Hat, \"Red Hat Enterprise Linux Release Dates\" (kernel of each GA release)";
  private static final String UBUNTU_KERNELS = "Canonical, \"Ubuntu kernel release cycle\" (kernel of each LTS at release)";
  private static final List<Family> FAMILIES = List.of(
      new Family(List.of(new Spelling("red hat enterprise linux|red hat|redhat|rhel", "RHEL"),
              new Spelling("centos stream|centos", "CentOS"),
              new Spelling("rocky linux|rockylinux|rocky", "Rocky Linux"),
              new Spelling("almalinux|alma linux|alma", "AlmaLinux")),
          Numbering.MAJOR, version("9"),
          "Red Hat, \"Mounting cgroups-v1\" in the RHEL 8, 9 and 10 documentation: RHEL 8 mounts cgroup v1 by"
              + " default, RHEL 9 and 10 cgroup v2",
          List.of(new Kernel("6", "2.6.32", RHEL_DATES), new Kernel("7", "3.10.0", RHEL_DATES),
              new Kernel("8", "4.18.0", RHEL_DATES), new Kernel("9", "5.14.0", RHEL_DATES),
              new Kernel("10", "6.12.0", RHEL_DATES))),
      new Family(List.of(new Spelling("ubuntu", "Ubuntu")), Numbering.YEAR_MONTH, version("21.10"),
          "Ubuntu 21.10 release notes; ubuntu-devel, \"systemd enabling cgroup v2 by default\" (2021-08-17)",
          List.of(new Kernel("16.04", "4.4", UBUNTU_KERNELS), new Kernel("18.04", "4.15", UBUNTU_KERNELS),
              new Kernel("20.04", "5.4", UBUNTU_KERNELS), new Kernel("22.04", "5.15", UBUNTU_KERNELS),
              new Kernel("24.04", "6.8", UBUNTU_KERNELS))),
      new Family(List.of(new Spelling("debian", "Debian")), Numbering.MAJOR, version("11"),
          "Debian 11 (bullseye) release notes, 2.2.4 \"Control groups v2\"",
          List.of(debian("8", "jessie", "3.16"), debian("9", "stretch", "4.9"), debian("10", "buster", "4.19"),
              debian("11", "bullseye", "5.10"), debian("12", "bookworm", "6.1"), debian("13", "trixie", "6.12"))),
      new Family(List.of(new Spelling("amazon linux|amazon|amzn|al", "Amazon Linux")), Numbering.MAJOR,
          version("2023"),
          "AWS, Amazon Linux 2023 User Guide, \"Unified Control Group hierarchy (cgroup v2)\": AL2 uses v1, AL2023 v2",
          List.of(new Kernel("2", "4.14", "AWS, Amazon Linux 2 User Guide, \"AL2 supported kernels\" (4.14 at"
                  + " release; AL2 images now default to 5.10)"),
              new Kernel("2023", "6.1", "AWS, Amazon Linux 2023 User Guide, \"Kernel changes from AL2\""))),
      new Family(List.of(new Spelling("suse linux enterprise server|suse linux enterprise|sles|sle", "SLES")),
          Numbering.MAJOR, version("16"),
          "SUSE, SLE 15 SP4 \"System Analysis and Tuning Guide\", \"Kernel control groups\": the hybrid hierarchy"
              + " (controllers on v1) is the default; SLES 16 \"Understanding Kernel Control Groups\": unified only",
          List.of(new Kernel("12", "3.12", "SUSE, \"SUSE Linux Enterprise Server 12 Release Notes\""),
              new Kernel("15", "4.12", "SUSE, \"SUSE Linux Enterprise Server 15 GA Release Notes\""))));

  /** A distribution's name, then the first number after it: its version. */
  private static final List<Pattern> PATTERNS = FAMILIES.stream()
      .map(f -> Pattern.compile("\\b(" + f.spellings.stream().map(Spelling::pattern).collect(Collectors.joining("|"))
          + ")(?![a-z])\\D*?(\\d{1,9})(?:\\.(\\d{1,9}))?"))
      .toList();

  private LinuxReleases() {}

  /** What the table knows of a release written as in {@code os linux "RELEASE"}; empty for another distribution. */
  public static Optional<LinuxRelease> lookup(String release) {
    String lower = release.toLowerCase(Locale.ROOT);
    Optional<LinuxRelease> earliest = Optional.empty();
    int at = Integer.MAX_VALUE;
    for (int i = 0; i < FAMILIES.size(); i++) {
      Matcher m = PATTERNS.get(i).matcher(lower);
      if (m.find() && m.start() < at) {
        Optional<LinuxRelease> found = release(FAMILIES.get(i), m);
        if (found.isPresent()) {
          earliest = found;
          at = m.start();
        }
      }
    }
    return earliest;
  }

  /** Every listed release, one row per family and version (its name the family's names), in the table's order. */
  public static List<LinuxRelease> rows() {
    List<LinuxRelease> rows = new ArrayList<>();
    for (Family family : FAMILIES) {
      family.kernels.forEach(kernel -> rows.add(listed(family, family.label(), kernel)));
    }
    return rows;
  }

  /** The table of releases for the docs: each kernel with its source, then each distribution's cgroup default with its. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("| distribution | release | kernel | cgroup by default | source of the kernel |\n"
        + "| --- | --- | --- | --- | --- |\n");
    for (Family family : FAMILIES) {
      for (Kernel kernel : family.kernels) {
        out.append("| ").append(family.label()).append(" | ").append(kernel.release).append(" | ")
            .append(kernel.version).append(" | ").append(cgroup(family, kernel.release).word()).append(" | ")
            .append(kernel.source).append(" |\n");
      }
    }
    out.append("\nReleases use cgroup v2 by default from these versions on; a version that the table does not list"
        + " has that default and no known kernel.\n\n| distribution | cgroup v2 from | source |\n| --- | --- | --- |\n");
    for (Family family : FAMILIES) {
      out.append("| ").append(family.label()).append(" | ").append(family.v2From).append(" | ")
          .append(family.cgroupSource).append(" |\n");
    }
    return out.toString();
  }

  private static Optional<LinuxRelease> release(Family family, Matcher m) {
    String name = family.spellings.stream().filter(s -> s.spells(m.group(1))).findFirst().orElseThrow().name;
    String version;
    if (family.numbering == Numbering.MAJOR) {
      version = String.valueOf(Long.parseLong(m.group(2)));
    } else if (m.group(3) != null) {
      long minor = Long.parseLong(m.group(3));
      version = Long.parseLong(m.group(2)) + (minor < 10 ? ".0" : ".") + minor; // as "%d.%02d", without a Formatter per lookup
    } else {
      return Optional.empty();
    }
    return Optional.of(family.kernels.stream().filter(k -> k.release.equals(version)).findFirst()
        .map(kernel -> listed(family, name, kernel))
        .orElseGet(() -> new LinuxRelease(name, version, Optional.empty(), cgroup(family, version), family.cgroupSource)));
  }

  private static LinuxRelease listed(Family family, String name, Kernel kernel) {
    return new LinuxRelease(name, kernel.release, Optional.of(kernel.version), cgroup(family, kernel.release),
        kernel.source + "; " + family.cgroupSource);
  }

  private static CgroupVersion cgroup(Family family, String version) {
    return version(version).compareTo(family.v2From) >= 0 ? CgroupVersion.V2 : CgroupVersion.V1;
  }

  private static Kernel debian(String release, String codename, String kernel) {
    return new Kernel(release, kernel, "Debian " + release + " (" + codename + ") release notes, 2 \"What's new in Debian "
        + release + "\"");
  }

  private static Version version(String text) {
    try {
      return Version.parse(text);
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
