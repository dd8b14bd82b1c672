package dev.topo.model;

import static dev.topo.model.VersionTest.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
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
  })
  void intersects(String a, String b, boolean expected) {
    assertEquals(expected, r(a).intersects(r(b)));
    assertEquals(expected, r(b).intersects(r(a)), "intersection is symmetric");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", ">=", "~1.2", "^2", "1 ||", "|| 2", ">=abc", ">18 <11", "=1 =2"})
  void rejectsWhatIsNotARange(String text) {
    assertThrows(InvalidValueException.class, () -> VersionRange.parse(text));
  }

  @Test
  void intersectionAgreesWithAWitnessOnRandomRanges() {
    // Property: if some sampled version is in both ranges they intersect; if they do not
    // intersect, no sampled version is in both.
    Random random = new Random(42);
    String[] ops = {">=", ">", "<", "<=", "=", ""};
    for (int i = 0; i < 2000; i++) {
      VersionRange a = randomRange(random, ops);
      VersionRange b = randomRange(random, ops);
      boolean witnessed = false;
      for (int major = 0; major <= 6 && !witnessed; major++) {
        for (int minor = 0; minor <= 6 && !witnessed; minor++) {
          Version candidate = v(major + "." + minor);
          witnessed = a.contains(candidate) && b.contains(candidate);
        }
      }
      if (witnessed) {
        assertTrue(a.intersects(b), a + " and " + b + " share a version");
      }
      if (!a.intersects(b)) {
        assertFalse(witnessed, a + " and " + b);
      }
    }
  }

  private static VersionRange randomRange(Random random, String[] ops) {
    while (true) {
      int comparators = 1 + random.nextInt(2);
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < comparators; c++) {
        text.append(ops[random.nextInt(ops.length)]).append(random.nextInt(6)).append('.').append(random.nextInt(6)).append(' ');
      }
      try {
        return VersionRange.parse(text.toString().trim());
      } catch (InvalidValueException contradictory) {
        // try again
      }
    }
  }

  @Test
  void keepsTheTextAsWritten() {
    assertEquals(">=11 <18", r(">=11 <18").toString());
    assertEquals(2, r("1.8 || >=17").alternatives().size());
  }
}
