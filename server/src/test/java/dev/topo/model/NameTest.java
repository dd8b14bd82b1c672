package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a name is written in a .topo file: plain when it is an identifier, else quoted. */
class NameTest {
  @Test
  void identifiersAreWrittenAsTheyAre() {
    for (String name : new String[] {"web", "web-01", "_tmp", "W_1-x", "os", "cpu-request", "nodes"}) {
      assertTrue(Name.isIdentifier(name), name);
      assertEquals(name, Name.written(name), "a property keyword is a name wherever a name is expected");
    }
  }

  @Test
  void anythingElseIsQuotedWithItsQuotesAndBackslashesEscaped() {
    assertEquals("\"ip-10-0-1-23.ec2.internal\"", Name.written("ip-10-0-1-23.ec2.internal"));
    assertEquals("\"10.0.0.5\"", Name.written("10.0.0.5"));
    assertEquals("\"-a\"", Name.written("-a"));
    assertEquals("\"web 01\"", Name.written("web 01"));
    assertEquals("\"\"", Name.written(""));
    assertEquals("\"a\\\"b\\\\c\"", Name.written("a\"b\\c"));
    assertFalse(Name.isIdentifier(null));
  }

  @Test
  void theWordsThatStartABlockOrAnImportAreQuoted() {
    for (Keyword keyword : Keyword.values()) {
      String expected = keyword.form() == Keyword.Form.PROPERTY ? keyword.word() : "\"" + keyword.word() + "\"";
      assertEquals(expected, Name.written(keyword.word()), "a list of names would end before " + keyword.word());
    }
  }
}
