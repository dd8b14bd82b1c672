package dev.topo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as real systems print it: dot-separated numbers, then optionally {@code _N} (an
 * update), then optionally {@code -QUALIFIER}, then optionally {@code +BUILD}, as in
 * {@code 1.8.0_292-b10}, {@code 3.10.0-1160.el7.x86_64} or {@code 17.0.9+9-LTS}.
 *
 * <p>Order: numbers part by part (missing parts count as 0, so {@code 17} equals
 * {@code 17.0.0}); then the update, which sorts after the plain version ({@code 1.8.0 <
 * 1.8.0_0 < 1.8.0_292}); then the qualifier. A qualifier starting with a digit is a package
 * revision and sorts after ({@code 2.28 < 2.28-225}); one starting with a letter is a
 * pre-release and sorts before ({@code 11.0.2-ea < 11.0.2}), except {@code bN}, a build
 * number. Build numbers and {@code +BUILD} are ignored ({@code 17.0.9+9-LTS} equals
 * {@code 17.0.9}). So a revision belongs to its upstream version: {@code 1.8.0_292-1} lies
 * between {@code 1.8.0_292} and {@code 1.8.0_293}.
 *
 * <p>Two qualifiers of one kind compare as runs of digits or letters, separators ignored:
 * digit runs as numbers, letter runs as text ignoring case, a digit run after a letter run
 * ({@code 1160.el7 < 1160.10.el7}, as RPM does: a later rebuild adds a number), and a
 * qualifier that extends another after it ({@code 1052 < 1052-azure}).
 *
 * <p>{@link #compareTo} is a total order; {@link #equals} also compares the text, so
 * {@code 17} and {@code 17.0.0} compare as 0 but are not equal.
 */
public record Version(List<Long> parts, OptionalLong update, Qualifier kind, String qualifier, String text)
    implements Comparable<Version> {

  /**
   * What a qualifier does to the order. NONE also stands for a build number ({@code -b10}).
   * FLOOR only exists inside ranges: below everything with the same numbers and update.
   */
  public enum Qualifier { FLOOR, PRE_RELEASE, NONE, REVISION }

  /** The lowest version there is: the first pre-release of 0. */
  public static final Version MIN = new Version(List.of(0L), OptionalLong.empty(), Qualifier.PRE_RELEASE, "A", "0-A");

  private static final String WORD = "[0-9A-Za-z][0-9A-Za-z._-]*";
  private static final Pattern SYNTAX = Pattern.compile(
      "(\\d{1,18}(?:\\.\\d{1,18})*)(?:_(\\d{1,18}))?(?:-(" + WORD + "))?(?:\\+" + WORD + ")?");
  private static final Pattern BUILD_NUMBER = Pattern.compile("b\\d+");
  /** Java 8 and earlier as {@code 8u292}. */
  private static final Pattern JVM_UPDATE = Pattern.compile("([1-8])u(\\d{1,18})([-+].*)?");

  public static Version parse(String text) throws InvalidValueException {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new InvalidValueException(Message.of("invalid.version", "'" + text + "'"));
    }
    OptionalLong update = m.group(2) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
    String qualifier = m.group(3);
    if (qualifier == null || BUILD_NUMBER.matcher(qualifier).matches()) {
      return new Version(numbers(m.group(1)), update, Qualifier.NONE, "", text);
    }
    Qualifier kind = Character.isDigit(qualifier.charAt(0)) ? Qualifier.REVISION : Qualifier.PRE_RELEASE;
    return new Version(numbers(m.group(1)), update, kind, qualifier, text);
  }

  /**
   * A JVM version: {@code 1.8.0_292} (also written {@code 8u292}) for Java 8 and earlier,
   * {@code 11.0.16} or {@code 17} for later releases. Empty for anything else, such as a
   * vendor's own scheme ({@code 8.292.10.1}).
   */
  public static Optional<Version> jvm(String text) {
    Matcher legacy = JVM_UPDATE.matcher(text);
    String written = legacy.matches()
        ? "1." + legacy.group(1) + ".0_" + legacy.group(2) + (legacy.group(3) == null ? "" : legacy.group(3))
        : text;
    try {
      Version v = parse(written);
      boolean readable = v.parts.get(0) == 1 ? v.parts.size() > 1 && v.jvmFeature() >= 1 && v.jvmFeature() <= 8
          : v.parts.get(0) >= 9;
      return readable ? Optional.of(v) : Optional.empty();
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  /** The Java feature release of a JVM version: 8 for {@code 1.8.0_292}, 17 for {@code 17.0.9}. */
  public long jvmFeature() {
    return parts.get(0) == 1 && parts.size() > 1 ? parts.get(1) : parts.get(0);
  }

  /** The lowest possible version whose numbers are these, below its pre-releases: the upper end of the range "17" is floor(18). */
  public static Version floor(List<Long> parts) {
    return floor(parts, OptionalLong.empty());
  }

  /** The lowest possible version with these numbers and this update: the upper end of "1.8.0_292" is floor(1.8.0, 293). */
  public static Version floor(List<Long> parts, OptionalLong update) {
    return new Version(List.copyOf(parts), update, Qualifier.FLOOR, "", numbersText(parts, update));
  }

  /** Numbers and update as written: 1.8.0_292. */
  private static String numbersText(List<Long> parts, OptionalLong update) {
    return String.join(".", parts.stream().map(String::valueOf).toList()) + (update.isPresent() ? "_" + update.getAsLong() : "");
  }

  static List<Long> numbers(String dotted) {
    List<Long> parts = new ArrayList<>();
    for (String part : dotted.split("\\.")) {
      parts.add(Long.parseLong(part));
    }
    return Collections.unmodifiableList(parts);
  }

  /**
   * The lowest version above this one (there is always one): a plain version's first
   * revision ({@code 2.28-0}), or a qualifier extended by the lowest run ({@code 11-ea.A}).
   * Lets a range tell {@code >2.28 <2.28-0} from one that a version satisfies.
   */
  public Version successor() {
    String numbers = numbersText(parts, update);
    return switch (kind) {
      case NONE -> new Version(parts, update, Qualifier.REVISION, "0", numbers + "-0");
      case PRE_RELEASE, REVISION -> new Version(parts, update, kind, qualifier + ".A", numbers + "-" + qualifier + ".A");
      case FLOOR -> this;
    };
  }

  @Override
  public int compareTo(Version other) {
    int c = compareNumbers(other);
    if (c != 0) {
      return c;
    }
    // No update sorts before any update.
    c = Long.compare(update.orElse(-1), other.update.orElse(-1));
    if (c != 0) {
      return c;
    }
    c = kind.compareTo(other.kind);
    return c != 0 ? c : compareQualifiers(qualifier, other.qualifier);
  }

  /** By the numbers alone, a missing one as 0: update and qualifier left out, as {@link #floor} of the numbers compares. */
  public int compareNumbers(Version other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      int c = Long.compare(part(i), other.part(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private long part(int i) {
    return i < parts.size() ? parts.get(i) : 0;
  }

  /** Run by run: digits as numbers, letters as text ignoring case, digits after letters, longer after shorter. */
  private static int compareQualifiers(String a, String b) {
    int i = skipSeparators(a, 0);
    int j = skipSeparators(b, 0);
    while (i < a.length() && j < b.length()) {
      int endA = runEnd(a, i);
      int endB = runEnd(b, j);
      int c = compareRuns(a.substring(i, endA), b.substring(j, endB));
      if (c != 0) {
        return c;
      }
      i = skipSeparators(a, endA);
      j = skipSeparators(b, endB);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static int skipSeparators(String s, int i) {
    while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the run of digits, or of letters, that starts at i. */
  private static int runEnd(String s, int i) {
    boolean digits = Character.isDigit(s.charAt(i));
    int end = i + 1;
    while (end < s.length() && Character.isLetterOrDigit(s.charAt(end)) && Character.isDigit(s.charAt(end)) == digits) {
      end++;
    }
    return end;
  }

  private static int compareRuns(String a, String b) {
    boolean numberA = Character.isDigit(a.charAt(0));
    boolean numberB = Character.isDigit(b.charAt(0));
    if (numberA != numberB) {
      return numberA ? 1 : -1;
    }
    if (!numberA) {
      return String.CASE_INSENSITIVE_ORDER.compare(a, b);
    }
    String p = stripZeros(a);
    String q = stripZeros(b);
    return p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  @Override
  public String toString() {
    return text;
  }
}
