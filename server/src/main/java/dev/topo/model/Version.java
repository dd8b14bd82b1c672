package dev.topo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A library version: dot-separated numbers with an optional qualifier. A qualifier after
 * '-' marks a pre-release ({@code 11.0.2-ea} comes before {@code 11.0.2}); one after '_'
 * marks an update ({@code 1.8.0_292} comes after {@code 1.8.0}). Missing parts count as 0,
 * so {@code 17} and {@code 17.0.0} are equal.
 */
public record Version(List<Long> parts, Qualifier kind, String qualifier, String text)
    implements Comparable<Version> {

  /** How a qualifier orders the version; FLOOR only exists inside ranges, below everything with the same numbers. */
  public enum Qualifier { FLOOR, PRE_RELEASE, NONE, UPDATE }

  private static final Pattern SYNTAX =
      Pattern.compile("(\\d{1,18}(?:\\.\\d{1,18})*)(?:([-_])([0-9A-Za-z][0-9A-Za-z._-]*))?");

  public static Version parse(String text) throws InvalidValueException {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new InvalidValueException("'" + text
          + "' is not a version: use numbers separated by dots, optionally followed by -qualifier or _update (1.8.0_292, 11.0.2-ea)");
    }
    Qualifier kind = m.group(2) == null ? Qualifier.NONE
        : m.group(2).equals("-") ? Qualifier.PRE_RELEASE : Qualifier.UPDATE;
    return new Version(numbers(m.group(1)), kind, m.group(3) == null ? "" : m.group(3), text);
  }

  /** The lowest possible version whose numbers are these, below its pre-releases: the upper end of the range "17" is floor(18). */
  public static Version floor(List<Long> parts) {
    List<String> words = parts.stream().map(String::valueOf).toList();
    return new Version(List.copyOf(parts), Qualifier.FLOOR, "", String.join(".", words));
  }

  static List<Long> numbers(String dotted) {
    List<Long> parts = new ArrayList<>();
    for (String part : dotted.split("\\.")) {
      parts.add(Long.parseLong(part));
    }
    return Collections.unmodifiableList(parts);
  }

  @Override
  public int compareTo(Version other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      int c = Long.compare(part(i), other.part(i));
      if (c != 0) {
        return c;
      }
    }
    int c = kind.compareTo(other.kind);
    return c != 0 ? c : compareQualifiers(qualifier, other.qualifier);
  }

  private long part(int i) {
    return i < parts.size() ? parts.get(i) : 0;
  }

  /** Numeric qualifiers (292 against 45) compare as numbers, others as text. */
  private static int compareQualifiers(String a, String b) {
    boolean numeric = !a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit)
        && b.chars().allMatch(Character::isDigit);
    if (numeric) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return text;
  }
}
