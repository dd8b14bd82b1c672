package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.topo.check.rules.Rules;
import dev.topo.model.ProblemCode;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import dev.topo.workspace.ProgramLoader;
import dev.topo.workspace.SourceProvider;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A disk that fails: {@link SourceProvider#read} answers empty for a file it cannot read (an
 * I/O error, a permission denied), as its contract asks. Such a fault is a finding on the
 * import that needed the file, or no program when the root itself cannot be read; the
 * rest of the analysis goes on, and nothing throws.
 */
class UnreadableSourcesTest {
  static final URI ROOT = URI.create("file:///ws/");
  static final URI MAIN = ROOT.resolve("main.topo");
  static final URI LIB = ROOT.resolve("lib.topo");
  static final String TEXT = """
      import "lib.topo"
      host win-01 {
        os windows
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      cluster k { nodes n1 }
      """;

  /** Every read fails; {@code canonical} keeps its default, a normalised URI. */
  final SourceProvider disk = mock(SourceProvider.class, CALLS_REAL_METHODS);

  static List<String> ids(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().id()).toList();
  }

  @Test
  void anImportThatCannotBeReadIsAnImportErrorOnItsPathAndTheRestIsStillChecked() {
    List<Finding> findings = new Analyzer(disk, new ParseCache(), ROOT, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(MAIN, TEXT, Cancellation.NONE).findings();

    verify(disk).read(LIB);
    Finding importError = findings.stream().filter(f -> f.rule().id().equals(ProblemCode.IMPORT_ERROR.id()))
        .findFirst().orElseThrow(() -> new AssertionError(ids(findings).toString()));
    assertEquals("\"lib.topo\"", TEXT.substring(importError.span().start(), importError.span().end()));
    assertTrue(importError.message().contains("lib.topo"), importError.message());
    assertTrue(ids(findings).containsAll(List.of("container-os-mismatch", "unknown-reference")), ids(findings).toString());
  }

  @Test
  void aRootThatCannotBeReadGivesNoProgram() {
    assertEquals(Optional.empty(), new ProgramLoader(disk, new ParseCache(), ROOT).load(MAIN));
    verify(disk).read(MAIN);
  }

  @Test
  void aFileThatFailsOnlyDeeperInTheImportsLeavesWhatWasRead() {
    when(disk.read(LIB)).thenReturn(Optional.of("import \"base.topo\"\nhost n1 { os linux; runtime docker }"));
    Program program = new ProgramLoader(disk, new ParseCache(), ROOT).load(MAIN, TEXT);

    verify(disk).read(ROOT.resolve("base.topo"));
    assertEquals(List.of(LIB, MAIN), program.files().stream().map(f -> f.uri()).toList());
    assertEquals(List.of(), program.importProblems(), "lib's own import is lib's finding, not main's");
    assertTrue(program.node("n1").isPresent());
  }
}
