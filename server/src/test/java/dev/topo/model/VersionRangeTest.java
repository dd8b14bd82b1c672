package dev.topo.model;

import static dev.topo.model.VersionTest.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {
  static VersionRange r(String text) {
    try {
      return VersionRange.parse(text);
    } catch (InvalidValueException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "\"{0}\" contains {1}: {2}")
  @CsvSource({
      ">=11 <18, 11, true",
      ">=11 <18, 17.0.9, true",
      ">=11 <18, 18, false",
      ">=11 <18, 10.0.99, false",
      ">=11 <18, 11-ea, false",
      ">=11 <18, 11.0.2-ea, true",
      ">=11 <18, 18-ea, true",
      "17, 17, true",
      "17, 17.0.9, true",
      "17, 17.9.9_1, true",
      "17, 17-ea, false",
      "17, 18-ea, false",
      "17, 17.0.1-ea, true",
      "17, 18, false",
      "17, 16.99, false",
      "17.x, 17.4, true",
      "17.0, 17.0.3, true",
      "17.0, 17.1, false",
      "=17, 17.0.0, true",
      "=17, 17.0.1, false",
      "*, 0.0.1, true",
      ">1.8, 1.8.0, false",
      ">1.8, 1.8.0_1, true",
      "<=2.0, 2, true",
      "<2.0, 2.0-rc1, true",
      "1.8 || >=17, 1.8.0_292, true",
      "1.8 || >=17, 11, false",
      "1.8 || >=17, 21, true",
      ">= 11 < 18, 12, true",
      "1.8.0_292, 1.8.0_292, true",
      "1.8.0_292, 1.8.0_291, false",
      "2.28, 2.28, true",
      "2.28, 2.28-225, true",
      "2.28, 2.28.1, true",
      "2.28, 2.28_1-3, true",
      "2.28, 2.29, false",
      "2.28, 2.28-rc1, false",
      "2.28, 2.29-rc1, false",
      "<=2.28, 2.28-225, false",
      "<=2.28, 2.28+7, true",
      ">=2.28, 2.28-225, true",
      ">2.28, 2.28-225, true",
      ">2.28, 2.28+7, false",
      "<2.28, 2.28-rc1, true",
      "=2.28, 2.28, true",
      "=2.28, 2.28.0+x, true",
      "=2.28, 2.28-225, false",
      "=2.28, 2.28.1, false",
      "1.8.0_292, 1.8.0_292-b10, true",
      "1.8.0_292, 1.8.0_292-1, true",
      "1.8.0_292, 1.8.0_292-ea, false",
      "1.8.0_292, 1.8.0_293-ea, false",
      "1.8, 1.8.0_292-b10, true",
      ">=1.8.0_191, 1.8.0_292-b10, true",
      "17, 17.0.9+9-LTS, true",
      ">=17.0.9+1, 17.0.9+9-LTS, true",
      ">=3.10, 3.10.0-1160.el7.x86_64, true",
      "<3.10, 2.6.32-754.el6.x86_64, true",
      ">=5.15 <5.16, 5.15.0-1052-azure, true",
      "2.28-225, 2.28-225, true",
      "2.28-225, 2.28-225+deb10u1, true",
      "2.28-225, 2.28-226, false",
      "11.0.2-ea, 11.0.2-ea, true",
      "11.0.2-ea, 11.0.2, false",
      "17, 17-3, true",
      "=1.8, 1.8.0+5, true",
      "=1.8, 1.8-1, false",
  })
  void contains(String range, String version, boolean expected) {
    assertEquals(expected, r(range).contains(v(version)));
  }

  @ParameterizedTest(name = "\"{0}\" and \"{1}\" intersect: {2}")
  @CsvSource({
      ">=1.8 <9, >=17, false",
      ">=11 <18, >=17, true",
      ">=11 <17, >=17, false",
      ">=11 <=17, >=17, true",
      "17, 18, false",
      "17, >=17.5, true",
      "17, <17, false",
      "17, <=17, true",
      "=17, 17, true",
      "*, <1, true",
      "1.8 || >=21, 17 || 21, true",
      "1.8 || 11, 17 || 21, false",
      ">17, <=17, false",
      ">17, 17, true",
      "2.28, <=2.28, true",
      ">2.28, <=2.28, false",
      "2.28, >2.28 <2.28.1, true",
      ">2.28, <2.28-1, true",
      "11 || 17, 17 || 21, true",
  })
  void intersects(String a, String b, boolean expected) {
    assertEquals(expected, r(a).intersects(r(b)));
    assertEquals(expected, r(b).intersects(r(a)), "intersection is symmetric");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", ">=", "~1.2", "^2", "1 ||", "|| 2", ">=abc", ">18 <11", "=1 =2",
      ">2.28 <2.28-0", ">2.28-rc <2.28-rc.A", "<0-A", ">=2.28-1 <=2.28"})
  void rejectsWhatIsNotARange(String text) {
    assertThrows(InvalidValueException.class, () -> VersionRange.parse(text));
  }

  @Test
  void threeRangesThatOverlapPairwiseMayHaveNoCommonVersion() {
    List<VersionRange> ranges = List.of(r("11 || 17"), r("17 || 21"), r("11 || 21"));
    for (VersionRange a : ranges) {
      for (VersionRange b : ranges) {
        assertTrue(a.intersects(b), a + " and " + b);
      }
    }
    assertFalse(VersionRange.commonVersionExists(ranges));
    assertTrue(VersionRange.commonVersionExists(List.of(r("11 || 17"), r("17 || 21"), r(">=17.0.9 || 11"))));
    assertTrue(VersionRange.commonVersionExists(List.of()), "no range excludes nothing");
  }

  @Test
  void aCommonVersionIsFoundWithoutTryingEveryCombination() {
    // 40 ranges of 4 alternatives: 4^40 combinations, so only a sweep over the bounds finishes.
    List<VersionRange> ranges = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ranges.add(r("1." + i + " || 2." + i + " || 3." + i + " || >=4 <5"));
    }
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(VersionRange.commonVersionExists(ranges)));
    ranges.add(r("<4"));
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(VersionRange.commonVersionExists(ranges)));
  }

  /** A comparator as generated: an operator (empty when bare) and its version, {@code .x} left out. */
  private record Comparator(String op, Version version) {
    /** Its meaning read straight from the documentation, without intervals or floors. */
    boolean satisfiedBy(Version candidate) {
      int c = candidate.compareTo(version);
      return switch (op) {
        case ">=" -> c >= 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case "<" -> c < 0;
        case "=" -> c == 0;
        default -> version.kind() != Version.Qualifier.NONE ? c == 0 : c >= 0 && startsWith(candidate);
      };
    }

    /** The same leading numbers, and the same update if one is written (further parts 0). */
    private boolean startsWith(Version candidate) {
      List<Long> parts = candidate.parts();
      for (int i = 0; i < version.parts().size(); i++) {
        if ((i < parts.size() ? parts.get(i) : 0) != version.parts().get(i)) {
          return false;
        }
      }
      return version.update().isEmpty() || version.update().equals(candidate.update())
          && parts.subList(Math.min(version.parts().size(), parts.size()), parts.size()).stream().allMatch(p -> p == 0);
    }
  }

  /** A range as generated: its text and its alternatives' comparators. */
  private record RandomRange(String text, List<List<Comparator>> alternatives) {
    boolean satisfiedBy(Version candidate) {
      return alternatives.stream().anyMatch(a -> a.stream().allMatch(c -> c.satisfiedBy(candidate)));
    }
  }

  private static RandomRange randomRange(VersionSamples samples) {
    String[] ops = {">=", ">", "<", "<=", "=", "", ""};
    List<List<Comparator>> alternatives = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    int count = 1 + samples.nextInt(2);
    for (int a = 0; a < count; a++) {
      List<Comparator> comparators = new ArrayList<>();
      List<String> words = new ArrayList<>();
      int size = 1 + samples.nextInt(2);
      for (int c = 0; c < size; c++) {
        String op = ops[samples.nextInt(ops.length)];
        boolean wildcard = op.isEmpty() && samples.nextInt(4) == 0;
        String version = wildcard ? samples.numbers() : samples.text();
        comparators.add(new Comparator(op, v(version)));
        words.add(op + version + (wildcard ? ".x" : ""));
      }
      alternatives.add(comparators);
      texts.add(String.join(" ", words));
    }
    return new RandomRange(String.join(" || ", texts), alternatives);
  }

  /**
   * Versions among which any set of these ranges finds one in common if there is one: the
   * lowest version of a set of intervals is a bound, the version just above a bound, or the
   * lowest version of all; plus random others.
   */
  private static List<Version> candidates(List<Version> others, List<RandomRange> ranges) {
    List<Version> candidates = new ArrayList<>(others);
    candidates.add(Version.MIN);
    for (RandomRange range : ranges) {
      for (List<Comparator> alternative : range.alternatives) {
        for (Comparator bound : alternative) {
          candidates.add(bound.version);
          candidates.add(bound.version.successor());
        }
      }
    }
    return candidates;
  }

  private static Optional<VersionRange> parsed(RandomRange range) {
    try {
      return Optional.of(VersionRange.parse(range.text));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  @Test
  void aRangeIsAcceptedIfAndOnlyIfSomeVersionSatisfiesItAndContainsAgreesWithItsComparators() {
    VersionSamples samples = new VersionSamples(21);
    List<Version> versions = samples.versions(100);
    int accepted = 0;
    for (int i = 0; i < 2000; i++) {
      RandomRange range = randomRange(samples);
      Optional<VersionRange> parsed = parsed(range);
      List<Version> candidates = candidates(versions, List.of(range));
      // Every alternative must be satisfiable on its own.
      boolean satisfiable = range.alternatives.stream()
          .allMatch(a -> candidates.stream().anyMatch(c -> a.stream().allMatch(x -> x.satisfiedBy(c))));
      assertEquals(satisfiable, parsed.isPresent(), range.text);
      if (parsed.isPresent()) {
        accepted++;
        for (Version candidate : candidates) {
          assertEquals(range.satisfiedBy(candidate), parsed.get().contains(candidate), () -> range.text + " contains " + candidate);
        }
      }
    }
    assertTrue(accepted > 1000, "enough ranges were satisfiable: " + accepted);
  }

  @Test
  void rangesIntersectIfAndOnlyIfAVersionLiesInBoth() {
    VersionSamples samples = new VersionSamples(22);
    List<Version> versions = samples.versions(100);
    int both = 0;
    for (int i = 0; i < 2000; i++) {
      RandomRange a = randomRange(samples);
      RandomRange b = randomRange(samples);
      if (parsed(a).isEmpty() || parsed(b).isEmpty()) {
        continue;
      }
      boolean witnessed = candidates(versions, List.of(a, b)).stream().anyMatch(c -> a.satisfiedBy(c) && b.satisfiedBy(c));
      VersionRange x = parsed(a).get();
      VersionRange y = parsed(b).get();
      assertEquals(witnessed, x.intersects(y), () -> a.text + " and " + b.text);
      assertEquals(witnessed, y.intersects(x), () -> b.text + " and " + a.text);
      assertEquals(witnessed, VersionRange.commonVersionExists(List.of(x, y)), () -> a.text + " and " + b.text);
      both += witnessed ? 1 : 0;
    }
    assertTrue(both > 200, "enough pairs intersect: " + both);
  }

  @Test
  void aCommonVersionExistsIfAndOnlyIfBruteForceFindsOne() {
    VersionSamples samples = new VersionSamples(23);
    List<Version> versions = samples.versions(100);
    int common = 0;
    int pairwiseOnly = 0;
    for (int i = 0; i < 1500; i++) {
      List<RandomRange> ranges = new ArrayList<>();
      int size = 1 + samples.nextInt(4);
      while (ranges.size() < size) {
        RandomRange range = randomRange(samples);
        if (parsed(range).isPresent()) {
          ranges.add(range);
        }
      }
      boolean witnessed = candidates(versions, ranges).stream()
          .anyMatch(c -> ranges.stream().allMatch(range -> range.satisfiedBy(c)));
      List<VersionRange> parsed = ranges.stream().map(range -> parsed(range).orElseThrow()).toList();
      assertEquals(witnessed, VersionRange.commonVersionExists(parsed), () -> ranges.stream().map(RandomRange::text).toList().toString());
      common += witnessed ? 1 : 0;
      boolean pairwise = parsed.stream().allMatch(x -> parsed.stream().allMatch(x::intersects));
      pairwiseOnly += pairwise && !witnessed ? 1 : 0;
    }
    assertTrue(common > 300, "enough sets have a common version: " + common);
    assertTrue(pairwiseOnly > 0, "some sets overlap pairwise only: " + pairwiseOnly);
  }

  @Test
  void keepsTheTextAsWritten() {
    assertEquals(">=11 <18", r(">=11 <18").toString());
    assertEquals(2, r("1.8 || >=17").alternatives().size());
  }
}
