package dev.topo.diagram;

import dev.topo.GeneratedRegions;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mermaid and DOT files made by the writers and committed, so that tools/diagram-parsers checks
 * them with the real Mermaid and DOT parsers (which the Maven build does not run): two samples'
 * pictures under docs/diagram/, for readers too, and the nasty program's under the parsers'
 * fixtures, for the escaping. They are made from text alone (in memory), so no path of this
 * checkout is in them.
 */
class TextDiagramDocsTest {
  private static final Function<Diagram, String> MERMAID = MermaidWriter::of;
  private static final Function<Diagram, String> DOT = DotWriter::of;

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("docs/diagram/shop.mmd", "samples/shop.topo", MERMAID),
        Arguments.of("docs/diagram/shop.dot", "samples/shop.topo", DOT),
        Arguments.of("docs/diagram/container-os-mismatch.mmd", "samples/rules/container-os-mismatch.topo", MERMAID),
        Arguments.of("docs/diagram/container-os-mismatch.dot", "samples/rules/container-os-mismatch.topo", DOT),
        Arguments.of("tools/diagram-parsers/fixtures/escaping.mmd", "TextFaces.NASTY", MERMAID),
        Arguments.of("tools/diagram-parsers/fixtures/escaping.dot", "TextFaces.NASTY", DOT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theCommittedFileIsWhatTheWriterMakes(String file, String source, Function<Diagram, String> writer)
      throws IOException {
    String text = source.startsWith("samples/") ? Diagrams.sample(source.substring("samples/".length())) : TextFaces.NASTY;
    String generated = writer.apply(Diagrams.laidOut(text));
    GeneratedRegions.assertCurrent(file, committed -> generated,
        " is not what topo draws of " + source + ": run mvn -B verify -Dtopo.updateDocs=true");
  }
}
