package dev.topo.model;

import static dev.topo.model.WindowsEdition.SERVER;
import static dev.topo.model.WindowsEdition.WINDOWS_10;
import static dev.topo.model.WindowsEdition.WINDOWS_11;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Windows builds: which build an {@code os windows "RELEASE"} or a container image's tag names,
 * and whether a container of one build runs on a kernel of another. A Windows container shares
 * (process isolation) or brings (Hyper-V isolation) a kernel whose build must fit the host's, so
 * the build is what matters, not the marketing name.
 *
 * <p>A release is read as words, ignoring case and punctuation: a full build {@code 10.0.N} or
 * {@code 10.0.N.M} is build N; otherwise the words of the rows of the release's edition. The
 * edition is the server unless the release says {@code 10} or {@code 11} without
 * {@code server} (a bare {@code 2022} or {@code ltsc2019} is the server). When the words name two
 * different builds, or none, the build is unknown and nothing is checked.
 */
public final class WindowsBuilds {
  /** One build as one or more editions release it, and the words that name it in their releases. */
  public record Row(int build, String name, Set<WindowsEdition> editions, List<String> words, String source) {}

  private static final String SERVER_INFO = "Microsoft Learn, \"Windows Server release information\"";
  private static final String WINDOWS_10_INFO = "Microsoft Learn, \"Windows 10 release information\"";
  private static final String WINDOWS_11_INFO = "Microsoft Learn, \"Windows 11 release information\"";
  private static final String COMPATIBILITY = "Microsoft Learn, \"Windows container version compatibility\"";

  private static final List<Row> ROWS = List.of(
      // Windows 10 1607 and 1809 (and their LTSB/LTSC 2016 and 2019) are the builds of the servers of the same years.
      new Row(14393, "Windows Server 2016", EnumSet.of(SERVER, WINDOWS_10), List.of("2016", "ltsc2016", "1607"),
          SERVER_INFO + "; " + WINDOWS_10_INFO),
      new Row(17763, "Windows Server 2019", EnumSet.of(SERVER, WINDOWS_10), List.of("2019", "ltsc2019", "1809"),
          SERVER_INFO + "; " + WINDOWS_10_INFO),
      new Row(20348, "Windows Server 2022", EnumSet.of(SERVER), List.of("2022", "ltsc2022", "21h2"), SERVER_INFO),
      new Row(26100, "Windows Server 2025", EnumSet.of(SERVER), List.of("2025", "ltsc2025", "24h2"), SERVER_INFO),
      new Row(19044, "Windows 10 21H2", EnumSet.of(WINDOWS_10), List.of("21h2"), WINDOWS_10_INFO),
      new Row(19045, "Windows 10 22H2", EnumSet.of(WINDOWS_10), List.of("22h2"), WINDOWS_10_INFO),
      new Row(22000, "Windows 11 21H2", EnumSet.of(WINDOWS_11), List.of("21h2"), WINDOWS_11_INFO),
      new Row(22621, "Windows 11 22H2", EnumSet.of(WINDOWS_11), List.of("22h2"), WINDOWS_11_INFO),
      new Row(22631, "Windows 11 23H2", EnumSet.of(WINDOWS_11), List.of("23h2"), WINDOWS_11_INFO),
      new Row(26100, "Windows 11 24H2", EnumSet.of(WINDOWS_11), List.of("24h2"), WINDOWS_11_INFO));

  /** The first Windows 11 build, and the server build that Windows 11 runs in process isolation. */
  private static final int WINDOWS_11_FIRST = 22000;
  private static final int SERVER_2022 = 20348;

  private static final Pattern FULL_BUILD = Pattern.compile("10\\.0\\.(\\d{1,9})(?:\\.\\d{1,9})?");
  private static final Pattern RELEASE_SEPARATORS = Pattern.compile("[^a-z0-9.]+");
  private static final Pattern EDGE_DOTS = Pattern.compile("^\\.+|\\.+$");
  private static final Pattern TAG_SEPARATORS = Pattern.compile("[-_]+");

  private WindowsBuilds() {}

  public static List<Row> rows() {
    return ROWS;
  }

  /** The build an {@code os windows} release names, if it names exactly one. */
  public static OptionalInt ofRelease(String release) {
    List<String> words = releaseWords(release);
    return build(words, edition(words));
  }

  /** The edition a release names: the server unless it says Windows 10 or 11 (see the class comment). */
  public static WindowsEdition editionOf(String release) {
    return edition(releaseWords(release));
  }

  /**
   * The build an image's tag names, read as words split on {@code -} and {@code _}, with the
   * server's words ({@code ltsc2019}, {@code 1809}, {@code 10.0.17763.5458}); the image's name
   * and digest are not read.
   */
  public static OptionalInt ofImage(String reference) {
    return Image.parse(reference).tag()
        .map(tag -> build(List.of(TAG_SEPARATORS.split(tag.toLowerCase(Locale.ROOT))), SERVER))
        .orElse(OptionalInt.empty());
  }

  /** A build as people know it: "Windows Server 2019 (build 17763)", or "build N" when unknown. */
  public static String name(int build) {
    return named(build).english();
  }

  /** {@link #name} in the user's language. */
  public static Message named(int build) {
    String names = ROWS.stream().filter(r -> r.build == build).map(Row::name).collect(Collectors.joining(" / "));
    return names.isEmpty() ? Message.of("windows.build", build) : Message.of("windows.named", names, build);
  }

  /** {@link #named} with a detail in its parentheses: "Windows Server 2019 (build 17763, from its image tag)". */
  public static Message named(int build, Message detail) {
    String names = ROWS.stream().filter(r -> r.build == build).map(Row::name).collect(Collectors.joining(" / "));
    return names.isEmpty() ? Message.of("windows.build.detail", build, detail)
        : Message.of("windows.named.detail", names, build, detail);
  }

  /**
   * Whether a host of {@code hostBuild} runs a container of {@code containerBuild}: in process
   * isolation the builds must be equal (except that Windows 11 runs Windows Server 2022
   * containers); in Hyper-V isolation the container's build must not be newer than the host's.
   */
  public static boolean runs(int hostBuild, WindowsEdition hostEdition, int containerBuild, Isolation isolation) {
    return switch (isolation) {
      case PROCESS -> containerBuild == hostBuild
          || hostEdition == WINDOWS_11 && hostBuild >= WINDOWS_11_FIRST && containerBuild == SERVER_2022;
      case HYPERV -> containerBuild <= hostBuild;
    };
  }

  /** The table of builds for the docs, generated from the rows, and the rule of {@link #runs} with its source. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("| build | release | edition | written | source |\n| ---: | --- | --- | --- | --- |\n");
    for (Row row : ROWS) {
      out.append("| ").append(row.build).append(" | ").append(row.name).append(" | ")
          .append(row.editions.stream().map(WindowsEdition::label).collect(Collectors.joining(", "))).append(" | ")
          .append(row.words.stream().map(w -> "`" + w + "`").collect(Collectors.joining(" "))).append(" | ")
          .append(row.source).append(" |\n");
    }
    return out.append("\nIn process isolation a container's build must be the host's, except that Windows 11 (build ")
        .append(WINDOWS_11_FIRST).append(" or later) also runs build ").append(SERVER_2022)
        .append("; in Hyper-V isolation it must not be newer than the host's (").append(COMPATIBILITY).append(").\n")
        .toString();
  }

  private static List<String> releaseWords(String release) {
    return Arrays.stream(RELEASE_SEPARATORS.split(release.toLowerCase(Locale.ROOT)))
        .map(w -> EDGE_DOTS.matcher(w).replaceAll("")).filter(w -> !w.isEmpty()).toList();
  }

  private static WindowsEdition edition(List<String> words) {
    if (words.contains("server")) {
      return SERVER;
    }
    if (words.contains("11")) {
      return WINDOWS_11;
    }
    if (words.contains("10")) {
      return WINDOWS_10;
    }
    // A full build that only a client has (10.0.22631) names that client.
    Set<WindowsEdition> editions = fullBuilds(words).boxed()
        .flatMap(b -> ROWS.stream().filter(r -> r.build == b)).flatMap(r -> r.editions.stream())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(WindowsEdition.class)));
    return editions.size() == 1 ? editions.iterator().next() : SERVER;
  }

  /** The one build the words name in an edition's releases; empty when they name none or several. */
  private static OptionalInt build(Collection<String> words, WindowsEdition edition) {
    Set<Integer> builds = IntStream.concat(fullBuilds(words),
        ROWS.stream().filter(r -> r.editions.contains(edition) && words.stream().anyMatch(r.words::contains))
            .mapToInt(Row::build)).boxed().collect(Collectors.toSet());
    return builds.size() == 1 ? OptionalInt.of(builds.iterator().next()) : OptionalInt.empty();
  }

  private static IntStream fullBuilds(Collection<String> words) {
    return words.stream().map(FULL_BUILD::matcher).filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1)));
  }
}
