package dev.topo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topo.maven.CheckArguments.FailOn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckArgumentsTest {
  private static final Path OUT = Path.of("/p/target/topo");

  @Test
  void textGoesToTheLogAndEveryOtherFormatToItsFile() {
    CheckArguments arguments = new CheckArguments(List.of(Path.of("/p/src/main/topo")), FailOn.WARNING,
        List.of("sarif", "junit"), OUT, Optional.of(Path.of("/p/.topo.json")), Optional.empty(), "ko");
    assertEquals(List.of("check", "--color", "never", "--fail-on", "warning", "--lang", "ko", "--format", "text",
            "--format", "sarif=/p/target/topo/topo.sarif", "--format", "junit=/p/target/topo/TEST-topo.xml",
            "--config", "/p/.topo.json", "/p/src/main/topo"),
        List.of(arguments.commandLine()));
    assertEquals(List.of(OUT.resolve("topo.sarif"), OUT.resolve("TEST-topo.xml")), arguments.reportFiles());
  }

  @Test
  void neverStillAsksTheCheckerForAThresholdAndTheBaselineIsPassedOn() {
    CheckArguments arguments = new CheckArguments(List.of(Path.of("a.topo"), Path.of("b")), FailOn.NEVER,
        List.of(), OUT, Optional.empty(), Optional.of(Path.of("/p/topo-baseline.json")), "en");
    assertEquals(List.of("check", "--color", "never", "--fail-on", "error", "--lang", "en", "--format", "text",
        "--baseline", "/p/topo-baseline.json", "a.topo", "b"), List.of(arguments.commandLine()));
  }

  @Test
  void failOnIsReadWithoutRegardToCaseAndAnythingElseIsNamedInTheError() {
    assertEquals(FailOn.INFO, FailOn.parse(" Info "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FailOn.parse("errors"));
    assertEquals("failOn is 'errors'; it must be error, warning, info or never", e.getMessage());
  }

  @Test
  void aFormatWithoutAReportFileIsRefusedWithTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CheckArguments(List.of(),
        FailOn.ERROR, List.of("github"), OUT, Optional.empty(), Optional.empty(), "en"));
    assertEquals("format 'github' is not one of checkstyle, gitlab, json, junit, sarif, text", e.getMessage());
  }
}
