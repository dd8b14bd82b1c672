package dev.topo.diagram;

import dev.topo.GeneratedRegions;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pictures in docs/diagram/ and the theming table of docs/diagram.md are what the code
 * draws today: a stale copy fails here, and {@code -Dtopo.updateDocs=true} rewrites it. The
 * samples are drawn under {@code file:///ws/samples/...}, so that the files are the same in
 * every checkout.
 */
class DiagramPicturesTest {
  private static final String STALE = " is stale: run mvn -B verify -Dtopo.updateDocs=true"
      + " -Dtest='DiagramPicturesTest' -Dsurefire.failIfNoSpecifiedTests=false";
  private static final String MARK = "<!-- Generated from SvgStyle (DiagramPicturesTest; mvn -B verify"
      + " -Dtopo.updateDocs=true): custom properties. -->\n";
  private static final String END = "<!-- End of the generated custom properties. -->";

  @ParameterizedTest
  @CsvSource({"shop.topo, docs/diagram/shop.svg",
      "rules/container-os-mismatch.topo, docs/diagram/container-os-mismatch.svg"})
  void thePictureOfASampleIsWhatTheWriterDraws(String sample, String picture) throws Exception {
    GeneratedRegions.assertCurrent(picture, committed -> SvgWriter.standalone(Diagrams.laidOutSample(sample)), STALE);
  }

  @Test
  void thePageListsEveryCustomPropertyWithItsDefaults() throws Exception {
    GeneratedRegions.assertCurrent("docs/diagram.md",
        text -> GeneratedRegions.fill(text, MARK, END, customProperties()), STALE);
  }

  private static String customProperties() {
    return "| property | light | dark | what it colours |\n| --- | --- | --- | --- |\n"
        + SvgStyle.COLOURS.stream()
            .map(c -> "| `--topo-" + c.name() + "` | `" + c.light() + "` | `" + c.dark() + "` | " + c.description() + " |\n")
            .collect(Collectors.joining());
  }
}
