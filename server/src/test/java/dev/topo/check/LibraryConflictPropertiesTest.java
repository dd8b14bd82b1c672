package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.model.InvalidValueException;
import dev.topo.model.Version;
import dev.topo.model.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The set semantics of library-conflict against brute force: for random ranges required on one
 * VM, one finding per pair without a common version; when every pair has one, one finding
 * exactly when no version is common to all.
 */
class LibraryConflictPropertiesTest {
  private static final String[] MAJORS = {"8", "11", "17", "21"};

  private static String alternative(Random random) {
    String major = MAJORS[random.nextInt(MAJORS.length)];
    return switch (random.nextInt(4)) {
      case 0 -> ">=" + major;
      case 1 -> "<" + major;
      case 2 -> ">=" + major + " <" + (Integer.parseInt(major) + 5);
      default -> major;
    };
  }

  private static String range(Random random) {
    List<String> alternatives = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
      alternatives.add(alternative(random));
    }
    return String.join(" || ", alternatives);
  }

  /** Every version that could tell the ranges apart: the whole numbers and halves around their bounds. */
  private static List<Version> candidates() throws InvalidValueException {
    List<Version> versions = new ArrayList<>();
    for (int n = 0; n <= 30; n++) {
      versions.add(Version.parse(String.valueOf(n)));
      versions.add(Version.parse(n + ".5"));
    }
    return versions;
  }

  private static boolean common(List<VersionRange> ranges, List<Version> candidates) {
    return candidates.stream().anyMatch(v -> ranges.stream().allMatch(r -> r.contains(v)));
  }

  @Test
  void findingsAgreeWithBruteForce() throws InvalidValueException {
    Random random = new Random(20261130);
    List<Version> candidates = candidates();
    int sets = 0;
    for (int round = 0; round < 300; round++) {
      List<String> texts = new ArrayList<>();
      for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
        texts.add(range(random));
      }
      List<VersionRange> ranges = new ArrayList<>();
      for (String text : texts) {
        ranges.add(VersionRange.parse(text));
      }
      int pairs = 0;
      for (int j = 1; j < ranges.size(); j++) {
        for (int i = 0; i < j; i++) {
          pairs += common(List.of(ranges.get(i), ranges.get(j)), candidates) ? 0 : 1;
        }
      }
      int expected = pairs > 0 ? pairs : common(ranges, candidates) ? 0 : 1;
      sets += pairs == 0 && expected == 1 ? 1 : 0;
      StringBuilder vm = new StringBuilder("host h { hypervisor kvm; vm v { os linux\n");
      for (int i = 0; i < texts.size(); i++) {
        vm.append("module m").append(i).append(" { requires openjdk \"").append(texts.get(i)).append("\" }\n");
      }
      String text = vm.append("} }").toString();
      assertEquals(expected, Checks.messages(text, "library-conflict").size(), text);
    }
    assertEquals(true, sets > 0, "some generated set overlaps pair by pair but has no common version");
  }
}
