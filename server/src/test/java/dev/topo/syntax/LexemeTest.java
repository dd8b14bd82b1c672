package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens as plain data: what each is and where, as the parser's lexer sees them. */
class LexemeTest {
  static List<String> show(List<Lexeme> lexemes) {
    return lexemes.stream().map(l -> l.kind() + " " + l.start() + "-" + l.end() + " " + l.text()).toList();
  }

  @Test
  void eachTokenOfATextWithItsKindAndPlaceEndingWithTheEnd() {
    assertEquals(List.of("KEYWORD 0-4 host", "WHITE_SPACE 4-5  ", "NAME 5-6 a", "WHITE_SPACE 6-7  ", "LBRACE 7-8 {",
        "WHITE_SPACE 8-9  ", "KEYWORD 9-12 cpu", "WHITE_SPACE 12-13  ", "NUMBER 13-14 4", "SEMI 14-15 ;",
        "WHITE_SPACE 15-16  ", "KEYWORD 16-22 memory", "WHITE_SPACE 22-23  ", "QUANTITY 23-27 4GiB",
        "WHITE_SPACE 27-28  ", "RBRACE 28-29 }", "WHITE_SPACE 29-30  ", "LINE_COMMENT 30-34 // x", "END 34-34 "),
        show(Lexeme.of("host a { cpu 4; memory 4GiB } // x")));
    assertEquals(List.of("END 0-0 "), show(Lexeme.of("")));
    assertEquals(List.of("KEYWORD 0-7 cluster", "WHITE_SPACE 7-8  ", "NAME 8-9 k", "WHITE_SPACE 9-10  ", "OTHER 10-11 @",
        "COMMA 11-12 ,", "BLOCK_COMMENT 12-16 /* x", "END 16-16 "), show(Lexeme.of("cluster k @,/* x")));
  }

  @Test
  void hiddenTokensWordsAndWhatIsUnterminated() {
    List<Lexeme> lexemes = Lexeme.of("os \"a\\\"b\" /* c */ \"open");
    assertTrue(lexemes.get(0).isWord());
    assertFalse(lexemes.get(0).hidden());
    assertTrue(lexemes.get(1).hidden());
    Lexeme string = lexemes.get(2);
    assertEquals("a\"b", string.value());
    assertTrue(string.terminated());
    assertTrue(lexemes.get(4).hidden());
    assertTrue(lexemes.get(4).terminated());
    Lexeme open = lexemes.get(6);
    assertEquals(Lexeme.Kind.STRING, open.kind());
    assertFalse(open.terminated());
    assertEquals("open", open.value());
    assertFalse(Lexeme.of("/* open").get(0).terminated());
  }

  @Test
  void aDocumentsTokensReadWhereTheyStandAsTheTextLexedWhole() {
    String text = "host a {\n  os linux\n}\n// end\n";
    DocumentSyntax syntax = DocumentSyntax.parsing(IncrementalParseTest.URI_, text, TopologySyntax::parseTree);
    assertEquals(show(Lexeme.of(text)), show(Lexeme.of(syntax)));
  }
}
