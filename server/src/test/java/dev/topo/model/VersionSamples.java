package dev.topo.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random version texts of every shape that {@link Version#parse} reads, drawn from small
 * alphabets so that equal numbers, equal updates and equal qualifiers meet often: numbers,
 * {@code _update}, a revision, a pre-release or a build number after {@code -}, {@code +build}.
 */
final class VersionSamples {
  private static final long[] NUMBERS = {0, 1, 2, 10};
  private static final String[] REVISIONS = {"0", "00", "1", "2", "10", "1.el7", "1.10.el7", "1.el10", "1-azure", "2a", "1.A", "1_2"};
  private static final String[] PRE_RELEASES = {"A", "a", "ea", "rc1", "rc2", "rc10", "rc.1", "alpha", "Beta", "ea.A", "b"};
  private static final String[] BUILD_NUMBERS = {"b7", "b10"};
  private static final String[] BUILDS = {"9", "9-LTS", "x.1"};

  private final Random random;

  VersionSamples(long seed) {
    random = new Random(seed);
  }

  /** A version text of a random shape. */
  String text() {
    StringBuilder text = new StringBuilder(numbers());
    if (random.nextInt(3) == 0) {
      text.append('_').append(pick(NUMBERS));
    }
    switch (random.nextInt(6)) {
      case 0, 1 -> text.append('-').append(pick(REVISIONS));
      case 2 -> text.append('-').append(pick(PRE_RELEASES));
      case 3 -> text.append('-').append(pick(BUILD_NUMBERS));
      default -> { }
    }
    if (random.nextInt(5) == 0) {
      text.append('+').append(pick(BUILDS));
    }
    return text.toString();
  }

  /** Dot-separated numbers only, as a bare comparator may end in {@code .x}. */
  String numbers() {
    int count = 1 + random.nextInt(3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : ".").append(pick(NUMBERS));
    }
    return text.toString();
  }

  /** Distinct versions of random shapes. */
  List<Version> versions(int count) {
    Set<String> texts = new LinkedHashSet<>();
    while (texts.size() < count) {
      texts.add(text());
    }
    return new ArrayList<>(texts.stream().map(VersionTest::v).toList());
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private long pick(long[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
