package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {
  @Test
  void countsLfCrLfAndLoneCrAsLineEnds() {
    LineMap lines = LineMap.of("a\nb\r\nc\rd");
    assertEquals(4, lines.lineCount());
    assertEquals(0, lines.line(0));
    assertEquals(1, lines.line(2));
    assertEquals(1, lines.line(4)); // the \n of \r\n still belongs to line 1
    assertEquals(2, lines.line(5));
    assertEquals(3, lines.line(7));
    assertEquals(0, lines.column(7));
  }

  /** Found by IncrementalSyncTest: an edit past a line's end went to the start of the next line. */
  @Test
  void aColumnPastTheLineOrInsideItsLineEndIsTheLinesLength() {
    LineMap lines = LineMap.of("ab\r\ncd\ref\ngh");
    assertEquals(2, lines.offset(0, 3), "not between \\r and \\n");
    assertEquals(2, lines.offset(0, 99));
    assertEquals(6, lines.offset(1, 5), "before a lone \\r");
    assertEquals(9, lines.offset(2, 9), "before \\n");
    assertEquals(12, lines.offset(3, 9), "the last line ends with the text");
    assertEquals(12, lines.offset(4, 0));
  }

  @Test
  void columnsCountUtf16Units() {
    LineMap lines = LineMap.of("😀x\nab");
    assertEquals(2, lines.column(2)); // the emoji is two UTF-16 units
    assertEquals(1, lines.line(4));
  }

  @Test
  void offsetsRoundTripAndClamp() {
    String text = "host a {\n  os linux\n}\n";
    LineMap lines = LineMap.of(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      assertEquals(offset, lines.offset(lines.line(offset), lines.column(offset)));
    }
    assertEquals(text.indexOf('\n'), lines.offset(0, 999),
        "a column past the line end clamps to the line's length, before its line end, as the LSP says");
    assertEquals(text.length(), lines.offset(99, 0));
  }

  @Test
  void mapsOfTheSameLinesAreEqual() {
    assertEquals(LineMap.of("a\nb\r\nc"), LineMap.of("x\ny\r\nz"));
    assertEquals(LineMap.of("a\nb").hashCode(), LineMap.of("x\ny").hashCode());
    org.junit.jupiter.api.Assertions.assertNotEquals(LineMap.of("a\nb"), LineMap.of("ab\n"));
    org.junit.jupiter.api.Assertions.assertNotEquals(LineMap.of("ab"), LineMap.of("abc"));
  }

  /** The map of a string without "\r", found by indexOf, is the one the general scan finds. */
  @Test
  void aTextOfNewlinesIsMappedAsTheGeneralScanMapsIt() {
    java.util.Random random = new java.util.Random(3);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append("ab\n".charAt(random.nextInt(3)));
      }
      LineMap fast = LineMap.of(text.toString());
      LineMap general = LineMap.of(text); // not a String: the general scan
      assertEquals(general, fast, text.toString());
      for (int line = 0; line <= general.lineCount(); line++) {
        for (int column = 0; column < 5; column++) {
          assertEquals(general.offset(line, column), fast.offset(line, column), text + " " + line + ":" + column);
        }
      }
    }
  }

  /** A map made from the last one by an edit is the map of the new text, "\r" line ends included. */
  @Test
  void anEditedMapIsTheMapOfTheNewText() {
    java.util.Random random = new java.util.Random(4);
    String alphabet = "ab\n\n\n";
    for (int n = 0; n < 5_000; n++) {
      String text = randomText(random, alphabet, random.nextInt(40));
      LineMap before = LineMap.of(text);
      for (int edit = 0; edit < 5; edit++) {
        int start = random.nextInt(text.length() + 1);
        int end = start + random.nextInt(text.length() - start + 1);
        String inserted = randomText(random, random.nextInt(20) == 0 ? "a\r\n" : alphabet, random.nextInt(6));
        String after = text.substring(0, start) + inserted + text.substring(end);
        LineMap edited = before.edited(after, start, end, start + inserted.length());
        LineMap whole = LineMap.of(after);
        String where = "'" + text + "' to '" + after + "'";
        assertEquals(whole, edited, where);
        for (int line = 0; line <= whole.lineCount(); line++) {
          assertEquals(whole.offset(line, 99), edited.offset(line, 99), where + " line " + line);
        }
        text = after;
        before = edited;
      }
    }
  }

  private static String randomText(java.util.Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
