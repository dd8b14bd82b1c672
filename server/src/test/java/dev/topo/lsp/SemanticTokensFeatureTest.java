package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Semantic tokens: the legend, the roles, and the protocol's relative encoding checked by hand. */
class SemanticTokensFeatureTest {
  static final String TEXT = """
      host web-01 {
        os linux "rhel 9"
        memory 64GiB
        library openjdk "17.0.9"
        /* two
           lines */ }
      cluster k { nodes web-01, os }
      """;

  private static List<Integer> full(String text) {
    return SemanticTokensFeature.full(Fixture.of(text).snapshot(), Cancellation.NONE).getData();
  }

  @Test
  void encodesEachTokenRelativeToThePreviousOneAsTheProtocolSays() {
    // Decoded by hand: line delta, start delta, length, type index, modifier bits. Types: 0 keyword,
    // 1 class, 2 variable, 3 enumMember, 4 namespace, 5 type, 6 property, 7 number, 8 regexp, 9 string,
    // 10 comment; modifiers: 1 declaration, 2 defaultLibrary.
    assertEquals(List.of(
        0, 0, 4, 0, 0, //   host              (0,0)
        0, 5, 6, 1, 1, //   web-01            (0,5)   class, declaration
        1, 2, 2, 0, 0, //   os                (1,2)
        0, 3, 5, 3, 2, //   linux             (1,5)   enumMember, defaultLibrary
        0, 6, 8, 9, 0, //   "rhel 9"          (1,11)  string
        1, 2, 6, 0, 0, //   memory            (2,2)
        0, 7, 2, 7, 0, //   64                (2,9)   number
        0, 2, 3, 5, 0, //   GiB               (2,11)  type: the unit
        1, 2, 7, 0, 0, //   library           (3,2)
        0, 8, 7, 6, 1, //   openjdk           (3,10)  property, declaration
        0, 8, 8, 8, 0, //   "17.0.9"          (3,18)  regexp: a version
        1, 2, 6, 10, 0, //  /* two            (4,2)   a block comment, split per line
        1, 0, 13, 10, 0, // "     lines */"   (5,0)
        1, 0, 7, 0, 0, //   cluster           (6,0)
        0, 8, 1, 1, 1, //   k                 (6,8)
        0, 4, 5, 0, 0, //   nodes             (6,12)
        0, 6, 6, 2, 0, //   web-01            (6,18)  variable: a reference
        0, 8, 2, 2, 0), //  os                (6,26)  a keyword used as a host's name is a reference too
        full(TEXT));
  }

  @Test
  void theLegendListsTheTypesAndModifiersTheIndicesPointAt() {
    var legend = SemanticTokensFeature.capability().getLegend();
    assertEquals(List.of("keyword", "class", "variable", "enumMember", "namespace", "type", "property", "number",
        "regexp", "string", "comment"), legend.getTokenTypes());
    assertEquals(List.of("declaration", "defaultLibrary"), legend.getTokenModifiers());
    assertTrue(SemanticTokensFeature.capability().getRange().getLeft());
  }

  @Test
  void closedSetsNamespacesPlatformsAndRequirements() {
    String text = """
        import "lib.topo"
        host h {
          runtime docker "24.0"
          container c {
            privileged true
            share pid, ipc
            os solaris
            module m { language java; requires openjdk ">=17"; load high } // done
          }
        }
        """;
    assertEquals(List.of(
        "0:0 import keyword", "0:7 \"lib.topo\" string",
        "1:0 host keyword", "1:5 h class+declaration",
        "2:2 runtime keyword", "2:10 docker type", "2:17 \"24.0\" string",
        "3:2 container keyword", "3:12 c class+declaration",
        "4:4 privileged keyword", "4:15 true enumMember+defaultLibrary",
        "5:4 share keyword", "5:10 pid namespace+defaultLibrary", "5:15 ipc namespace+defaultLibrary",
        "6:4 os keyword", // an unknown family gets no colour: the diagnostic says what is wrong
        "7:4 module keyword", "7:11 m class+declaration", "7:15 language keyword", "7:24 java type",
        "7:30 requires keyword", "7:39 openjdk property", "7:47 \">=17\" regexp", "7:55 load keyword",
        "7:60 high enumMember+defaultLibrary", "7:67 // done comment"),
        decode(text, full(text)));
  }

  @Test
  void aRangeRequestAnswersTheTokensThatOverlapItEncodedFromTheStartOfTheDocument() {
    Fixture fixture = Fixture.of(TEXT);
    var tokens = SemanticTokensFeature.range(fixture.snapshot(), new Range(new Position(2, 0), new Position(3, 11)),
        Cancellation.NONE).getData();
    assertEquals(List.of(
        2, 2, 6, 0, 0, // memory (2,2): the first token is relative to (0,0)
        0, 7, 2, 7, 0,
        0, 2, 3, 5, 0,
        1, 2, 7, 0, 0, // library
        0, 8, 7, 6, 1), // openjdk overlaps the range's end
        tokens);
  }

  @Test
  void columnsAndLengthsCountUtf16UnitsAndLineBreaksMayBeCrLf() {
    String text = "// 🚀 go\r\nhost a {} /* é\r\n🚀 */";
    assertEquals(List.of("0:0 // 🚀 go comment", "1:0 host keyword", "1:5 a class+declaration", "1:10 /* é comment",
        "2:0 🚀 */ comment"), decode(text, full(text)));
    List<Integer> data = full(text);
    assertEquals(8, (int) data.get(2), "the rocket is two UTF-16 units");
  }

  @Test
  void halfTypedTextStillGetsTheTokensThatCanBeKnown() {
    String text = "host a {\n  os lin\n  container";
    List<String> decoded = decode(text, full(text));
    assertTrue(decoded.contains("0:5 a class+declaration"), decoded.toString());
    assertTrue(decoded.contains("2:2 container keyword"), decoded.toString());
    assertFalse(full("").iterator().hasNext());
    assertTrue(full("\"unterminated").size() == 5);
  }

  /** "line:column text type+modifiers" for each token. */
  static List<String> decode(String text, List<Integer> data) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<String> types = SemanticTokensFeature.TYPES;
    List<String> modifiers = SemanticTokensFeature.MODIFIERS;
    List<String> result = new ArrayList<>();
    int line = 0;
    int column = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
      StringBuilder kind = new StringBuilder(types.get(data.get(i + 3)));
      for (int m = 0; m < modifiers.size(); m++) {
        if ((data.get(i + 4) & (1 << m)) != 0) {
          kind.append('+').append(modifiers.get(m));
        }
      }
      result.add(line + ":" + column + " " + lines[line].substring(column, column + data.get(i + 2)) + " " + kind);
    }
    return result;
  }
}
