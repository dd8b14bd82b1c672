package dev.topo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A version range such as {@code ">=11 <18"} or {@code "1.8 || >=17"}: alternatives joined by
 * {@code ||}, each a set of space-separated comparators that must all hold. A bare version
 * ({@code 17}, also written {@code 17.x}) matches every version that starts with it: 17,
 * 17.something, their updates and revisions ({@code "2.28"} matches {@code 2.28-225}), but not
 * the pre-releases of 17 itself ({@code 17-ea}) nor those of 18; a bare {@code 1.8.0_292}
 * matches that update and its revisions; a bare version with a {@code -} qualifier matches
 * exactly that version. {@code *} matches anything. Each alternative is kept as one
 * interval, so that whether ranges have a version in common is a matter of intersecting
 * intervals.
 */
public record VersionRange(String text, List<Interval> alternatives) {

  /** One end of an interval; a null version means unbounded. */
  public record Bound(Version at, boolean inclusive) {
    static final Bound UNBOUNDED = new Bound(null, false);

    boolean unbounded() {
      return at == null;
    }
  }

  /** The versions between two bounds. */
  public record Interval(Bound lower, Bound upper) {
    static final Interval ALL = new Interval(Bound.UNBOUNDED, Bound.UNBOUNDED);

    public boolean contains(Version v) {
      boolean aboveLower = lower.unbounded() || beyond(v.compareTo(lower.at), lower.inclusive);
      boolean belowUpper = upper.unbounded() || beyond(upper.at.compareTo(v), upper.inclusive);
      return aboveLower && belowUpper;
    }

    /** A comparison result that lies past a bound, or on it when the bound includes itself. */
    private static boolean beyond(int c, boolean inclusive) {
      return c > 0 || (c == 0 && inclusive);
    }

    public Interval intersect(Interval other) {
      return new Interval(tighterLower(lower, other.lower), tighterUpper(upper, other.upper));
    }

    /**
     * Whether no version lies in the interval. Comparing the bounds is not enough: nothing
     * lies between {@code 2.28} and {@code 2.28-0}, so {@code >2.28 <2.28-0} is empty.
     */
    public boolean isEmpty() {
      return !contains(lowest());
    }

    /** The lowest version above the lower bound; the interval holds a version if and only if it holds this one. */
    Version lowest() {
      return lower.unbounded() ? Version.MIN : lower.inclusive ? lower.at : lower.at.successor();
    }

    private static Bound tighterLower(Bound a, Bound b) {
      if (a.unbounded()) {
        return b;
      }
      if (b.unbounded()) {
        return a;
      }
      int c = a.at.compareTo(b.at);
      return c > 0 || (c == 0 && !a.inclusive) ? a : b;
    }

    private static Bound tighterUpper(Bound a, Bound b) {
      if (a.unbounded()) {
        return b;
      }
      if (b.unbounded()) {
        return a;
      }
      int c = a.at.compareTo(b.at);
      return c < 0 || (c == 0 && !a.inclusive) ? a : b;
    }
  }

  private static final Pattern WILDCARD_SUFFIX = Pattern.compile("(\\.[xX*])+$");
  private static final Pattern ALTERNATIVES = Pattern.compile("\\|\\|");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final List<String> OPERATORS = List.of(">=", "<=", ">", "<", "=");

  public static VersionRange parse(String text) throws InvalidValueException {
    if (text.isBlank()) {
      throw new InvalidValueException("the version range is empty: write * to accept any version");
    }
    List<Interval> alternatives = new ArrayList<>();
    for (String alternative : ALTERNATIVES.split(text, -1)) {
      Interval interval = parseAlternative(alternative.trim(), text);
      if (interval.isEmpty()) {
        throw new InvalidValueException("'" + alternative.trim() + "' matches no version: its comparators contradict each other");
      }
      alternatives.add(interval);
    }
    return new VersionRange(text, List.copyOf(alternatives));
  }

  private static Interval parseAlternative(String alternative, String whole) throws InvalidValueException {
    if (alternative.isEmpty()) {
      throw new InvalidValueException("'" + whole + "' has an empty alternative around ||");
    }
    Interval result = Interval.ALL;
    String[] words = SPACES.split(alternative);
    for (int i = 0; i < words.length; i++) {
      String comparator = words[i];
      // Accept ">= 11" as well as ">=11".
      if (OPERATORS.contains(comparator) && i + 1 < words.length) {
        comparator += words[++i];
      }
      result = result.intersect(comparator(comparator));
    }
    return result;
  }

  private static Interval comparator(String comparator) throws InvalidValueException {
    for (String op : OPERATORS) {
      if (comparator.startsWith(op)) {
        Version v = parseVersion(comparator.substring(op.length()), comparator);
        Bound at = new Bound(v, op.contains("="));
        return switch (op) {
          case ">=", ">" -> new Interval(at, Bound.UNBOUNDED);
          case "<=", "<" -> new Interval(Bound.UNBOUNDED, at);
          default -> new Interval(at, at);
        };
      }
    }
    if (comparator.equals("*") || comparator.equalsIgnoreCase("x")) {
      return Interval.ALL;
    }
    String prefix = WILDCARD_SUFFIX.matcher(comparator).replaceAll("");
    Version v = parseVersion(prefix, comparator);
    if (v.kind() != Version.Qualifier.NONE) {
      Bound exact = new Bound(v, true);
      return new Interval(exact, exact);
    }
    // From the release itself (not its pre-releases) up to, and excluding, anything of the next.
    Version next;
    if (v.update().isPresent()) {
      next = Version.floor(v.parts(), OptionalLong.of(v.update().getAsLong() + 1));
    } else {
      List<Long> parts = new ArrayList<>(v.parts());
      parts.set(parts.size() - 1, parts.get(parts.size() - 1) + 1);
      next = Version.floor(parts);
    }
    return new Interval(new Bound(v, true), new Bound(next, false));
  }

  private static Version parseVersion(String text, String comparator) throws InvalidValueException {
    try {
      return Version.parse(text);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("'" + comparator
          + "' is not a comparator: write an operator (= > >= < <=) followed by a version, a bare version such as 17, or *");
    }
  }

  public boolean contains(Version version) {
    for (Interval i : alternatives) { // a loop: rules ask this of every library of every container
      if (i.contains(version)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some single version satisfies both ranges. */
  public boolean intersects(VersionRange other) {
    for (Interval a : alternatives) {
      for (Interval b : other.alternatives) {
        if (!a.intersect(b).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether some single version satisfies every range (true for none). Where the chosen
   * alternatives overlap, the lowest version they share is the lowest version above one of
   * their lower bounds, so trying each alternative's lowest version is enough: no need to try
   * every combination of alternatives.
   */
  public static boolean commonVersionExists(List<VersionRange> ranges) {
    if (ranges.isEmpty()) {
      return true;
    }
    return ranges.stream().flatMap(r -> r.alternatives.stream()).map(Interval::lowest)
        .anyMatch(candidate -> ranges.stream().allMatch(r -> r.contains(candidate)));
  }

  @Override
  public String toString() {
    return text;
  }
}
