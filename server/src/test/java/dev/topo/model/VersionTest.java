package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    assertTrue(v("1.8.0_301").compareTo(v("1.8.0_292")) > 0);
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

  /** Each row is in ascending order, strictly. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "2.28-rc1 2.28 2.28-225 2.28-226 2.28.1 2.29",
      "11.0.2-ea 11.0.2 11.0.2-1 11.0.2_1 11.0.3-ea",
      "1.8.0 1.8.0_0 1.8.0_292 1.8.0_292-1 1.8.0_293-ea 1.8.0_293 1.8.0_301",
      "3.10.0-1160.el7 3.10.0-1160.10.el7 3.10.0-1160.11.1.el7 3.10.0-1161.el7 3.10.1",
      "2.17-1.el7 2.17-1.el9 2.17-1.el10",
      "5.15.0-1052 5.15.0-1052-azure 5.15.0-1053-azure",
      "2.0-alpha 2.0-Beta 2.0-rc1 2.0-rc2 2.0-rc10 2.0",
      "1.0-rc 1.0-rc.A 1.0-rc.1",
  })
  void ordersRealVersionStrings(String ascending) {
    List<Version> versions = java.util.Arrays.stream(ascending.split(" ")).map(VersionTest::v).toList();
    for (int i = 0; i + 1 < versions.size(); i++) {
      assertTrue(versions.get(i).compareTo(versions.get(i + 1)) < 0, versions.get(i) + " < " + versions.get(i + 1));
      assertTrue(versions.get(i + 1).compareTo(versions.get(i)) > 0, versions.get(i + 1) + " > " + versions.get(i));
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "17.0.9+9, 17.0.9",
      "17.0.9+9-LTS, 17.0.9",
      "1.8.0_292-b10, 1.8.0_292",
      "2.0-b1, 2.0",
      "2.28-225+deb10u2, 2.28-225",
      "2.28-0225, 2.28-225",
      "3.10.0-1160.el7.x86_64, 3.10.0-1160-el7_x86.64",
      "2.0-RC1, 2.0-rc1",
      "17-ea+35, 17-ea",
  })
  void ignoresBuildsLeadingZerosSeparatorsAndCase(String a, String b) {
    assertEquals(0, v(a).compareTo(v(b)));
    assertEquals(0, v(b).compareTo(v(a)));
    assertNotEquals(v(a), v(b), "equals keeps the text");
  }

  @Test
  void readsTheParts() {
    Version jdk = v("1.8.0_292-b10");
    assertEquals(List.of(1L, 8L, 0L), jdk.parts());
    assertEquals(OptionalLong.of(292), jdk.update());
    assertEquals(Version.Qualifier.NONE, jdk.kind());
    Version kernel = v("5.15.0-1052-azure");
    assertEquals(List.of(5L, 15L, 0L), kernel.parts());
    assertEquals(Version.Qualifier.REVISION, kernel.kind());
    assertEquals("1052-azure", kernel.qualifier());
    assertEquals(Version.Qualifier.PRE_RELEASE, v("17-ea+35").kind());
    assertEquals(Version.Qualifier.NONE, v("17.0.9+9-LTS").kind());
    assertEquals("17.0.9+9-LTS", v("17.0.9+9-LTS").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.10.0-1160.el7.x86_64", "5.15.0-1052-azure", "1.8.0_292-b10", "17.0.9+9-LTS", "2.35-0ubuntu3.1",
      "2.31-13+deb11u5", "17-ea+35", "1.2_3", "0"})
  void acceptsVersionsAsSystemsPrintThem(String text) throws InvalidValueException {
    assertEquals(text, Version.parse(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "1.", ".1", "1..2", "1.2-", "v1.2", "1 2", "1.2-é", "99999999999999999999",
      "1_a", "1.2_", "1_2.3", "1.8.0_292_1", "1+", "+9", "1.2+é", "1-+9", "1.2-rc1+", "8u292", "1.8.0_u292"})
  void rejectsWhatIsNotAVersion(String text) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Version.parse(text));
    assertTrue(e.getMessage().contains("is not a version"), e.getMessage());
  }

  @Test
  void theMessageNamesEveryFormOnOneLine() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Version.parse("seventeen"));
    for (String form : List.of("dots", "_update", "-revision", "-pre-release", "+build")) {
      assertTrue(e.getMessage().contains(form), e.getMessage());
    }
    assertFalse(e.getMessage().contains("\n"));
  }

  @ParameterizedTest(name = "{0} is Java {1}")
  @CsvSource({
      "1.8.0_292, 8",
      "1.8.0_292-b10, 8",
      "8u292, 8",
      "8u292-b10, 8",
      "7u80, 7",
      "1.8, 8",
      "11.0.16, 11",
      "17.0.9+9-LTS, 17",
      "17, 17",
      "21-ea, 21",
  })
  void readsJvmVersions(String text, long feature) {
    assertEquals(feature, Version.jvm(text).orElseThrow().jvmFeature());
  }

  @Test
  void anUpdateWrittenWithUIsTheSameVersion() {
    assertEquals(0, Version.jvm("8u292").orElseThrow().compareTo(v("1.8.0_292")));
    assertEquals(0, Version.jvm("8u292-b10").orElseThrow().compareTo(v("1.8.0_292")));
    assertTrue(Version.jvm("8u372").orElseThrow().compareTo(v("1.8.0_191")) > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.292.10.1", "8", "1", "1.11.0", "1.0", "seventeen", "8u", "u292", "11u5", "8u292_1", ""})
  void jvmVersionsOfOtherSchemesAreNotRead(String text) {
    assertEquals(Optional.empty(), Version.jvm(text));
  }

  @Test
  void totalOrderOnRandomVersionsOfEveryShape() {
    List<Version> versions = new VersionSamples(11).versions(60);
    for (Version a : versions) {
      assertEquals(0, a.compareTo(a));
      for (Version b : versions) {
        int ab = Integer.signum(a.compareTo(b));
        assertEquals(-ab, Integer.signum(b.compareTo(a)), a + " against " + b + " both ways");
        for (Version c : versions) {
          int bc = Integer.signum(b.compareTo(c));
          if (ab <= 0 && bc <= 0) {
            assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
          }
          if (ab == 0) {
            assertEquals(bc, Integer.signum(a.compareTo(c)), a + " = " + b + " against " + c);
          }
        }
      }
    }
  }

  @Test
  void roundTripsAndIgnoresBuildsOnRandomVersions() {
    VersionSamples samples = new VersionSamples(12);
    for (int i = 0; i < 2000; i++) {
      String text = samples.text();
      Version parsed = v(text);
      assertEquals(text, parsed.toString());
      assertEquals(parsed, v(parsed.toString()));
      String withoutBuild = text.replaceFirst("\\+.*", "").replaceFirst("-b\\d+$", "");
      assertEquals(0, parsed.compareTo(v(withoutBuild)), text + " against " + withoutBuild);
    }
  }

  @Test
  void theSuccessorIsTheNextVersionOnRandomVersions() {
    List<Version> versions = new VersionSamples(13).versions(150);
    for (Version a : versions) {
      Version next = a.successor();
      assertTrue(next.compareTo(a) > 0, next + " after " + a);
      assertEquals(0, v(next.text()).compareTo(next), "the successor's text reads back as itself: " + next);
      assertTrue(Version.MIN.compareTo(a) <= 0, a + " not below MIN");
      for (Version b : versions) {
        if (b.compareTo(a) > 0) {
          assertTrue(b.compareTo(next) >= 0, "nothing between " + a + " and " + next + ", but " + b);
        }
      }
    }
  }

  @Test
  void aFloorIsBelowEverythingWithItsNumbersAndUpdate() {
    Version floor = Version.floor(List.of(1L, 8L, 0L), OptionalLong.of(293));
    assertTrue(floor.compareTo(v("1.8.0_293-A")) < 0);
    assertTrue(floor.compareTo(v("1.8.0_292-99")) > 0);
    assertTrue(Version.floor(List.of(18L)).compareTo(v("18-A")) < 0);
    assertTrue(Version.floor(List.of(18L)).compareTo(v("17.99_1-1")) > 0);
  }

  @ParameterizedTest
  @CsvSource({"3.10.0-1160.el7, 3.10", "2.6.32-754, 2.6.32", "1.8.0_292, 1.8.0", "5.4, 5.4.0", "4.18.0-rc1, 4.18"})
  void comparedByNumbersAloneAVersionIsItsNumbersFloor(String text, String numbers) {
    Version version = v(text);
    Version floor = Version.floor(v(numbers).parts());
    assertEquals(0, version.compareNumbers(floor));
    for (String other : List.of("3.10", "2.6.32", "3.9.99", "4", "1.8.0_1")) {
      assertEquals(Integer.signum(Version.floor(version.parts()).compareTo(Version.floor(v(other).parts()))),
          Integer.signum(version.compareNumbers(v(other))), text + " against " + other);
    }
  }
}
