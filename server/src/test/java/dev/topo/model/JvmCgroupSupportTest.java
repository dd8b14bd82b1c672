package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JvmCgroupSupportTest {
  @ParameterizedTest
  @ValueSource(strings = {"openjdk", "jdk", "jre", "java", "temurin", "corretto", "zulu", "OpenJDK"})
  void theseLibrariesAreJvms(String name) {
    assertTrue(JvmCgroupSupport.isJvmLibrary(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dotnet", "javascript", "openjdk8", "graalvm", "glibc", ""})
  void otherLibrariesAreNot(String name) {
    assertFalse(JvmCgroupSupport.isJvmLibrary(name));
  }

  /** Each threshold with the release just below it, in each form a version may take. */
  @ParameterizedTest
  @CsvSource({
      "1.8.0_190, false, false", "1.8.0_191, true, false", "8u190, false, false", "8u191, true, false",
      "1.8.0_181, false, false", "1.8.0_292-b10, true, false", "8U292, true, false",
      "1.8.0_371, true, false", "1.8.0_372, true, true", "8u371, true, false", "8u372-b07, true, true",
      "1.8.0_1000, true, true",
      "9, false, false", "9.0.4, false, false", "10, true, false", "10.0.2, true, false",
      "11, true, false", "11.0.15, true, false", "11.0.16, true, true", "11.0.16+8, true, true",
      "11.0.16-ea, true, false", "11.0.22_7, true, true",
      "12, true, false", "14.0.2, true, false", "15, true, true", "17.0.9+9-LTS, true, true", "21, true, true",
      "1.7.0_80, false, false", "1.7, false, false", "1.6.0_45, false, false",
  })
  void readsLimitsFromTheThresholds(String version, boolean v1, boolean v2) {
    assertEquals(Optional.of(v1), JvmCgroupSupport.readsLimit(version, CgroupVersion.V1), version + " on v1");
    assertEquals(Optional.of(v2), JvmCgroupSupport.readsLimit(version, CgroupVersion.V2), version + " on v2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "latest", "1.8", "1.8.0", "8", "8.0.372", "7", "zulu8.70.0.23", "1.10", "17.x", "u372"})
  void otherFormsAreNotRead(String version) {
    assertEquals(Optional.empty(), JvmCgroupSupport.readsLimit(version, CgroupVersion.V1), version);
    assertEquals(Optional.empty(), JvmCgroupSupport.readsLimit(version, CgroupVersion.V2), version);
    assertEquals(Optional.empty(), JvmCgroupSupport.explanation(version), version);
  }

  @Test
  void blindToAgreesWithReadsLimitAndKnowsEarlyAccessBuilds() {
    assertEquals(Set.of(CgroupVersion.V2), JvmCgroupSupport.blindTo("1.8.0_292"));
    assertEquals(Set.of(CgroupVersion.V1, CgroupVersion.V2), JvmCgroupSupport.blindTo("1.8.0_181"));
    assertEquals(Set.of(CgroupVersion.V2), JvmCgroupSupport.blindTo("15-ea"));
    assertEquals(Set.of(), JvmCgroupSupport.blindTo("17.0.9+9"));
    assertEquals(Set.of(), JvmCgroupSupport.blindTo("8.292.10.1"), "a vendor scheme is not checked");
    for (String v : new String[] {"1.8.0_371", "1.8.0_372", "8u190", "10", "11.0.15", "11.0.16", "14", "15", "16-ea", "21"}) {
      for (CgroupVersion c : CgroupVersion.values()) {
        assertEquals(JvmCgroupSupport.readsLimit(v, c).equals(Optional.of(false)), JvmCgroupSupport.blindTo(v).contains(c),
            v + " on " + c);
      }
    }
  }

  @Test
  void theExplanationSaysWhatItReadsAndFromWhereItWouldReadTheRest() {
    assertEquals("JDK 11.0.15 reads cgroup v1 limits but not cgroup v2 limits (from 11.0.16)",
        JvmCgroupSupport.explanation("11.0.15").orElseThrow());
    assertEquals("JDK 8u292 reads cgroup v1 limits but not cgroup v2 limits (from 8u372)",
        JvmCgroupSupport.explanation("8u292").orElseThrow());
    assertEquals("JDK 13 reads cgroup v1 limits but not cgroup v2 limits (from 15)",
        JvmCgroupSupport.explanation("13").orElseThrow());
    assertEquals("JDK 1.8.0_181 reads neither cgroup v1 limits (from 8u191) nor cgroup v2 limits (from 8u372)",
        JvmCgroupSupport.explanation("1.8.0_181").orElseThrow());
    assertEquals("JDK 9 reads neither cgroup v1 limits (from 10) nor cgroup v2 limits (from 11.0.16)",
        JvmCgroupSupport.explanation("9").orElseThrow());
    assertEquals("JDK 17.0.9+9 reads cgroup v1 and v2 limits", JvmCgroupSupport.explanation("17.0.9+9").orElseThrow());
  }

  @Test
  void theTableNamesEveryThresholdAndLibrary() {
    String table = JvmCgroupSupport.markdown();
    assertTrue(table.contains("| v1 | 8u191, 10 |"), table);
    assertTrue(table.contains("| v2 | 8u372, 11.0.16, 15 |"), table);
    JvmCgroupSupport.LIBRARIES.forEach(library -> assertTrue(table.contains("`" + library + "`"), library));
  }
}
