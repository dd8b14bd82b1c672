package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {
  static Version v(String text) {
    try {
      return Version.parse(text);
    } catch (InvalidValueException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void ordersNumbersNumericallyNotAsText() {
    assertTrue(v("1.10").compareTo(v("1.9")) > 0);
    assertTrue(v("10").compareTo(v("9.9.9")) > 0);
  }

  @Test
  void missingPartsAreZero() {
    assertEquals(0, v("17").compareTo(v("17.0.0")));
    assertTrue(v("17.0.0.1").compareTo(v("17")) > 0);
  }

  @Test
  void preReleaseComesBeforeAndUpdateAfterTheRelease() {
    assertTrue(v("11.0.2-ea").compareTo(v("11.0.2")) < 0);
    assertTrue(v("11.0.2-ea").compareTo(v("11.0.1")) > 0);
    assertTrue(v("1.8.0_292").compareTo(v("1.8.0")) > 0);
    assertTrue(v("1.8.0_292").compareTo(v("1.8.1")) < 0);
  }

  @Test
  void numericUpdatesCompareAsNumbers() {
    assertTrue(v("1.8.0_292").compareTo(v("1.8.0_45")) > 0);
    assertTrue(v("2.0-beta").compareTo(v("2.0-alpha")) > 0);
  }

  @Test
  void sortingIsATotalOrderConsistentWithItsParts() {
    List<String> ordered = List.of("1-alpha", "1", "1_1", "1_2", "1.0.1-rc1", "1.0.1", "1.2", "1.10", "2");
    List<Version> shuffled = new ArrayList<>(ordered.stream().map(VersionTest::v).toList());
    Collections.shuffle(shuffled, new Random(7));
    Collections.sort(shuffled);
    assertEquals(ordered, shuffled.stream().map(Version::text).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "1.", ".1", "1..2", "1.2-", "v1.2", "1 2", "1.2-é", "99999999999999999999"})
  void rejectsWhatIsNotAVersion(String text) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Version.parse(text));
    assertTrue(e.getMessage().contains("is not a version"), e.getMessage());
  }
}
