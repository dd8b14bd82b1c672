package dev.topo.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which JVMs read a container's memory limit from the cgroup files: one that does not sizes
 * its heap from the host's memory and is killed at the limit. Java 8 is written
 * {@code 1.8.0_N} (or {@code 8uN}), Java 7 and earlier {@code 1.N...}, later releases
 * {@code 11.0.16} or {@code 17}; a build number ({@code -b10}, {@code +9}) is ignored. Other
 * vendor schemes (and Java 8 without its update) are not read, so not checked.
 */
public final class JvmCgroupSupport {
  /** The library names that provide a JVM. */
  public static final List<String> LIBRARIES = List.of("openjdk", "jdk", "jre", "java", "temurin", "corretto", "zulu");

  /** The first release of a feature line that reads a cgroup version's limits. */
  private record Threshold(int feature, Version version, String name) {}

  private static final List<Threshold> READERS_OF_V1 =
      List.of(threshold(8, "1.8.0_191", "8u191"), threshold(10, "10", "10"));
  private static final List<Threshold> READERS_OF_V2 = List.of(threshold(8, "1.8.0_372", "8u372"),
      threshold(11, "11.0.16", "11.0.16"), threshold(15, "15", "15"));
  /** The first feature release all of whose versions, early-access builds included, read both cgroup versions. */
  private static final int FIRST_READING_BOTH = 16;
  private static final String V1_SOURCE = "OpenJDK JDK-8146115, \"Improve docker container detection and resource"
      + " configuration usage\" (JDK 10, backported to 8u191)";
  private static final String V2_SOURCE = "OpenJDK JDK-8230305, \"Cgroups v2: Container awareness\" (JDK 15,"
      + " backported to 11.0.16 and 8u372)";

  private static final Pattern EIGHT_U = Pattern.compile("8u(\\d+)(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILD = Pattern.compile("(-b\\d+)?(\\+.*)?$");
  private static final Pattern LEGACY = Pattern.compile("1\\.([1-8])(?:\\.\\d+)*(_\\d+)?");
  private static final Pattern MODERN = Pattern.compile("([1-9]\\d{0,8})(?:\\.\\d+)*(?:_\\d+)?(?:-[0-9A-Za-z.]+)?");

  private JvmCgroupSupport() {}

  /** Whether a library of this name is a JVM, ignoring case. */
  public static boolean isJvmLibrary(String name) {
    for (int i = 0; i < LIBRARIES.size(); i++) { // a loop: asked of every library of every container checked a keystroke
      if (LIBRARIES.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a JVM of this version reads its limits under a cgroup version; empty when the version is not readable. */
  public static Optional<Boolean> readsLimit(String versionText, CgroupVersion cgroup) {
    return Jvm.parse(versionText).map(jvm -> jvm.firstReader(cgroup).isEmpty());
  }

  /**
   * The cgroup versions whose limits a JVM of this version cannot read: none for a readable
   * version that reads both, and none for one that is not readable (not checked).
   */
  public static Set<CgroupVersion> blindTo(String versionText) {
    Set<CgroupVersion> blind = EnumSet.noneOf(CgroupVersion.class);
    if (featureOf(versionText) >= FIRST_READING_BOTH) {
      return blind; // the common case, told without parsing the version
    }
    Jvm.parse(versionText).ifPresent(jvm -> {
      for (CgroupVersion cgroup : CgroupVersion.values()) {
        if (jvm.firstReader(cgroup).isPresent()) {
          blind.add(cgroup);
        }
      }
    });
    return blind;
  }

  /** The number a version starts with, or 0. */
  private static int featureOf(String versionText) {
    int feature = 0;
    for (int i = 0; i < versionText.length() && i < 9 && Character.isDigit(versionText.charAt(i)); i++) {
      feature = feature * 10 + (versionText.charAt(i) - '0');
    }
    return feature;
  }

  /**
   * What a JVM of this version reads, in one line for a message: "JDK 11.0.15 reads cgroup v1
   * limits but not cgroup v2 limits (from 11.0.16)"; empty when the version is not readable.
   */
  public static Optional<String> explanation(String versionText) {
    return explained(versionText).map(Message::english);
  }

  /** {@link #explanation} as a message, for the user's language. */
  public static Optional<Message> explained(String versionText) {
    return Jvm.parse(versionText).map(jvm -> {
      Optional<Threshold> v1 = jvm.firstReader(CgroupVersion.V1);
      Optional<Threshold> v2 = jvm.firstReader(CgroupVersion.V2);
      String jdk = versionText.strip();
      // Every line reads v1 before v2, so a JVM blind to v1 is blind to v2 too.
      return v2.isEmpty() ? Message.of("jvm.reads.both", jdk)
          : v1.isEmpty() ? Message.of("jvm.reads.v1", jdk, v2.get().name)
          : Message.of("jvm.reads.neither", jdk, v1.get().name, v2.get().name);
    });
  }

  /** The table of thresholds for the docs. */
  public static String markdown() {
    return "| cgroup | a JVM reads its limits from | source |\n| --- | --- | --- |\n"
        + "| v1 | " + names(READERS_OF_V1) + " | " + V1_SOURCE + " |\n"
        + "| v2 | " + names(READERS_OF_V2) + " | " + V2_SOURCE + " |\n\n"
        + "Earlier releases of each line, and Java 7 and earlier, do not read them. JVM libraries: "
        + LIBRARIES.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")) + ".\n";
  }

  /** A JVM version in one of the forms read here: its feature release (8, 11, 17) and its version. */
  private record Jvm(int feature, Version version) {
    static Optional<Jvm> parse(String text) {
      String normal = text.strip();
      Matcher u = EIGHT_U.matcher(normal);
      if (u.matches()) {
        normal = "1.8.0_" + u.group(1) + u.group(2);
      }
      normal = BUILD.matcher(normal).replaceFirst("");
      Matcher legacy = LEGACY.matcher(normal);
      Matcher modern = MODERN.matcher(normal);
      int feature;
      if (legacy.matches() && (legacy.group(2) != null || !legacy.group(1).equals("8"))) {
        feature = Integer.parseInt(legacy.group(1));
      } else if (modern.matches() && Integer.parseInt(modern.group(1)) >= 9) {
        feature = Integer.parseInt(modern.group(1));
      } else {
        return Optional.empty();
      }
      try {
        return Optional.of(new Jvm(feature, Version.parse(normal)));
      } catch (InvalidValueException e) {
        return Optional.empty();
      }
    }

    /**
     * The first release that reads this cgroup version's limits, in its own line or a later
     * one, when this JVM is older; empty when it reads them.
     */
    Optional<Threshold> firstReader(CgroupVersion cgroup) {
      List<Threshold> readers = cgroup == CgroupVersion.V1 ? READERS_OF_V1 : READERS_OF_V2;
      return readers.stream().filter(t -> t.feature >= feature).findFirst().filter(t -> version.compareTo(t.version) < 0);
    }
  }

  private static String names(List<Threshold> thresholds) {
    return thresholds.stream().map(Threshold::name).collect(Collectors.joining(", "));
  }

  private static Threshold threshold(int feature, String version, String name) {
    try {
      return new Threshold(feature, Version.parse(version), name);
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
