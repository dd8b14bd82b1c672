package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mermaid and DOT lay out themselves: what topo writes for them depends on the text only, not on topo's layout. */
class TextFacesLayoutTest {
  static Stream<Arguments> writers() {
    return Stream.of(Arguments.of("mermaid", (Function<Diagram, String>) MermaidWriter::of),
        Arguments.of("dot", (Function<Diagram, String>) DotWriter::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void theSameTextGivesTheSameOutputLaidOutOrNot(String name, Function<Diagram, String> writer) {
    String text = Diagrams.sample("shop.topo");
    String laidOut = writer.apply(Diagrams.laidOut(text));
    assertEquals(laidOut, writer.apply(Diagrams.unlaid(text)));
    assertEquals(laidOut, writer.apply(Diagrams.laidOut(text)));
  }
}
