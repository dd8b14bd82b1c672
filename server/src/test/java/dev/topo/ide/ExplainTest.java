package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Explain command's text: the entry of the finding's rule at the place, else of the keyword there, else nothing. */
class ExplainTest {
  static final String MISMATCH = """
      host win-01 {
        os windows
        runtime docker
        container web { os li|nux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      """;

  static Optional<String> explain(String marked, String locale) {
    Marked m = Marked.of(marked);
    return Explain.at(m.snapshot(), m.offset(), locale, Cancellation.NONE);
  }

  static String explain(String marked) {
    return explain(marked, "en").orElseThrow(() -> new AssertionError("nothing explained in " + marked));
  }

  @Test
  void aFindingAtThePlaceIsExplainedByItsRule() {
    assertTrue(explain(MISMATCH).startsWith("# Container OS mismatch\n"), explain(MISMATCH));
    assertTrue(explain(MISMATCH).contains("```topo"), "the whole entry, with its before and after");
  }

  @Test
  void aFindingOnAValueIsExplainedThere() {
    String text = "host h {\n  os linux; cpu |2; memory 8Gi; hypervisor kvm\n  vm v { os linux; cpu 4; memory 1Gi }\n}";
    assertTrue(explain(text).startsWith("# Overcommit"), explain(text));
  }

  @Test
  void ofFindingsOnTheSameWordTheMostSeriousWins() {
    // The container's name carries missing-limits and unpinned-image (warnings) and unknown-os (info).
    String text = "host h { os linux; runtime docker; container w|eb { } }";
    assertTrue(explain(text).startsWith("# Missing resource limits"), explain(text));
  }

  @Test
  void elseTheKeywordAtThePlace() {
    assertTrue(explain("host a {\n  hyper|visor kvm\n}").startsWith("# Hypervisor"));
    assertTrue(explain("host a { container c { share ip|c } }").startsWith("# Weak isolation"),
        "a finding covers the share: its rule comes first");
    assertTrue(explain("ho|st a { os linux }").startsWith("# Host"));
  }

  @Test
  void inTheGivenLocale() {
    String korean = explain(MISMATCH, "ko").orElseThrow();
    assertTrue(korean.startsWith("# 컨테이너"), korean);
  }

  @Test
  void nothingToExplainIsEmpty() {
    assertEquals(Optional.empty(), explain("host web-|01 { os linux }", "en"));
    assertEquals(Optional.empty(), explain("// just a comment|", "en"));
    assertEquals(Optional.empty(), explain("host a { }|", "en"));
  }
}
