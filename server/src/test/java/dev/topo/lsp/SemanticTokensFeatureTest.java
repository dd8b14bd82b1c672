package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.syntax.Highlighter.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Semantic tokens: the legend, the type of each role, and the protocol's relative encoding checked by hand. */
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

  /** Every role the editor layer gives has a standard type, and modifiers where themes tell them apart. */
  @Test
  void eachRoleHasTheTypeAndModifiersThemesColour() {
    Map<Role, String> expected = new EnumMap<>(Role.class);
    expected.put(Role.KEYWORD, "keyword");
    expected.put(Role.DECLARATION, "class+declaration");
    expected.put(Role.REFERENCE, "variable");
    expected.put(Role.OS_FAMILY, "enumMember+defaultLibrary");
    expected.put(Role.VALUE, "enumMember+defaultLibrary");
    expected.put(Role.NAMESPACE, "namespace+defaultLibrary");
    expected.put(Role.PLATFORM, "type");
    expected.put(Role.LIBRARY, "property+declaration");
    expected.put(Role.LIBRARY_REFERENCE, "property");
    expected.put(Role.LABEL, "property");
    expected.put(Role.NUMBER, "number");
    expected.put(Role.UNIT, "type");
    expected.put(Role.VERSION, "regexp");
    expected.put(Role.STRING, "string");
    expected.put(Role.COMMENT, "comment");
    for (Role role : Role.values()) {
      assertEquals(expected.get(role), kind(SemanticTokensFeature.typeOf(role), SemanticTokensFeature.modifiersOf(role)),
          role.name());
    }
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
  void aLabelsKeyIsAPropertyQuotedOrNotAndItsValueAString() {
    String text = "host n {\n  label \"node.kubernetes.io/pool\" \"gpu\"\n  label zone \"eu-1\"\n}\n"
        + "cluster k { nodes n; pod p { select os \"linux\" } }";
    List<String> tokens = decode(text, full(text));
    assertEquals(List.of("1:2 label keyword", "1:8 \"node.kubernetes.io/pool\" property", "1:34 \"gpu\" string",
        "2:2 label keyword", "2:8 zone property", "2:13 \"eu-1\" string"), tokens.subList(2, 8));
    assertTrue(tokens.containsAll(List.of("4:29 select keyword", "4:36 os property", "4:39 \"linux\" string")),
        tokens.toString());
  }

  @Test
  void anEmptyDocumentHasNoTokensAndAnUnterminatedStringHasOne() {
    assertEquals(List.of(), full(""));
    assertEquals(List.of(0, 0, 13, 9, 0), full("\"unterminated"));
  }

  /** "line:column text type+modifiers" for each token. */
  static List<String> decode(String text, List<Integer> data) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<String> result = new ArrayList<>();
    int line = 0;
    int column = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
      result.add(line + ":" + column + " " + lines[line].substring(column, column + data.get(i + 2)) + " "
          + kind(data.get(i + 3), data.get(i + 4)));
    }
    return result;
  }

  /** "type+modifier+..." of a type index and modifier bits. */
  static String kind(int type, int modifierBits) {
    StringBuilder kind = new StringBuilder(SemanticTokensFeature.TYPES.get(type));
    for (int m = 0; m < SemanticTokensFeature.MODIFIERS.size(); m++) {
      if ((modifierBits & (1 << m)) != 0) {
        kind.append('+').append(SemanticTokensFeature.MODIFIERS.get(m));
      }
    }
    return kind.toString();
  }
}
