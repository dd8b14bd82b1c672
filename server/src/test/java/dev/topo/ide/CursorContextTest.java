package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.EntityKind;
import dev.topo.ide.CursorContext.Place;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The context of a cursor (marked '|') in complete and, mostly, half-typed text. */
class CursorContextTest {
  static CursorContext at(String marked) {
    int cursor = marked.indexOf('|');
    return CursorContext.at(marked.substring(0, cursor) + marked.substring(cursor + 1), cursor);
  }

  static List<EntityKind> kinds(CursorContext c) {
    return c.blocks().stream().map(CursorContext.Block::kind).toList();
  }

  @Test
  void anEmptyFileIsAStatementStartAtTheTop() {
    CursorContext c = at("|");
    assertEquals(Place.STATEMENT, c.place());
    assertEquals(List.of(), c.blocks());
    assertNull(c.block());
  }

  @Test
  void aKeywordWithoutItsValueAsksForTheValueInAnUnclosedBlock() {
    CursorContext c = at("host a {\n  os |");
    assertEquals(Place.VALUE, c.place());
    assertEquals("os", c.keyword());
    assertEquals(0, c.argument());
    assertEquals(List.of(EntityKind.HOST), kinds(c));
    assertEquals("a", c.block().name());
  }

  @Test
  void aHalfTypedValueIsTheWordToReplace() {
    CursorContext c = at("host a {\n  os li|");
    assertEquals(Place.VALUE, c.place());
    assertEquals("li", c.prefix());
    assertEquals("host a {\n  os ".length(), c.replaceStart());
  }

  @Test
  void aNameListAfterACommaKnowsTheNamesAlreadyListed() {
    CursorContext c = at("cluster k { nodes a, |");
    assertEquals(Place.VALUE, c.place());
    assertEquals("nodes", c.keyword());
    assertEquals(List.of("a"), c.listed());
    assertEquals(1, c.argument());
  }

  @Test
  void aClosedListTakesTheNumbersAmongItsWords() {
    CursorContext c = at("host h { container c { arch 386, amd64, |");
    assertEquals(Place.VALUE, c.place());
    assertEquals("arch", c.keyword());
    assertEquals(List.of("386", "amd64"), c.listed());
    assertEquals(Place.STATEMENT, at("host h { container c { arch 386 |").place(), "386 is a name of the list");
    assertEquals(Place.STATEMENT, at("cluster k { nodes 386, |").place(), "not a node's name");
  }

  @Test
  void aLabelsKeyMayBeAStringAndItsValueFollows() {
    CursorContext c = at("host h { label \"node.kubernetes.io/pool\" \"g|");
    assertEquals(Place.STRING, c.place());
    assertEquals("label", c.keyword());
    assertEquals(1, c.argument());
    assertEquals(List.of("node.kubernetes.io/pool"), c.listed());
    CursorContext key = at("cluster k { pod p { select |");
    assertEquals(Place.VALUE, key.place());
    assertEquals(0, key.argument());
  }

  @Test
  void aNameListWithoutACommaIsComplete() {
    assertEquals(Place.STATEMENT, at("cluster k { nodes a |").place());
    assertEquals(Place.STATEMENT, at("cluster k {\n  nodes a\n  p|").place());
  }

  @Test
  void aCompleteStatementMakesRoomForTheNextOnTheSameLine() {
    CursorContext c = at("host a { os linux cp|");
    assertEquals(Place.STATEMENT, c.place());
    assertEquals("cp", c.prefix());
    assertTrue(c.block().given().contains("os"));
  }

  @Test
  void anOptionalStringDoesNotHoldTheCursor() {
    assertEquals(Place.STATEMENT, at("host a {\n  runtime docker\n  |\n}").place());
    assertEquals(Place.STATEMENT, at("host a {\n  runtime docker \"24\"\n  |\n}").place());
  }

  @Test
  void statementsAfterTheCursorCountAsGivenButTheWordBeingTypedDoesNot() {
    CursorContext c = at("host a {\n  c|\n  cpu 4\n  memory 1Gi\n}");
    assertEquals(Place.STATEMENT, c.place());
    assertTrue(c.block().given().containsAll(List.of("cpu", "memory")));
    assertFalse(c.block().given().contains("c"));
    CursorContext typing = at("host a {\n  os|\n}");
    assertFalse(typing.block().given().contains("os"));
  }

  @Test
  void nestedBlocksAreTrackedByTheirBraces() {
    CursorContext c = at("host h { vm v { container c { module m { requires |");
    assertEquals(List.of(EntityKind.HOST, EntityKind.VM, EntityKind.CONTAINER, EntityKind.MODULE), kinds(c));
    assertEquals("requires", c.keyword());
    assertEquals("c", c.outer(1).name());
    assertEquals(Place.STATEMENT, at("host h { vm v { } | }").place());
    assertEquals(List.of(EntityKind.HOST), kinds(at("host h { vm v { } | }")));
  }

  @Test
  void theLibrariesOfABlockAreKnownWhereverTheyStand() {
    CursorContext c = at("container c {\n  module m { requires | }\n  library openjdk \"17.0.2\"\n}");
    assertEquals(Map.of("openjdk", "17.0.2"), c.outer(1).libraries());
  }

  @Test
  void aBlockWithoutAName() {
    CursorContext c = at("host {\n  |");
    assertEquals(List.of(EntityKind.HOST), kinds(c));
    assertEquals("", c.block().name());
  }

  @Test
  void aBraceOfNoKnownBlockIsABlockOfNoKind() {
    CursorContext c = at("foo bar {\n  |");
    assertEquals(1, c.blocks().size());
    assertNull(c.block().kind());
  }

  @Test
  void anImportStringGivesThePathTypedSoFar() {
    CursorContext c = at("import \"lib/ne|");
    assertEquals(Place.STRING, c.place());
    assertEquals("import", c.keyword());
    assertEquals("lib/ne", c.prefix());
    assertEquals("import \"".length(), c.replaceStart());
    CursorContext closed = at("import \"lib/|x.topo\"");
    assertEquals("lib/", closed.prefix());
  }

  @Test
  void aStringOfAnotherStatementIsAStringOfThatStatement() {
    CursorContext c = at("host a { container c { image \"web:|\" } }");
    assertEquals(Place.STRING, c.place());
    assertEquals("image", c.keyword());
  }

  @Test
  void theCursorJustAfterAClosedStringIsOutsideIt() {
    assertEquals(Place.STATEMENT, at("import \"a.topo\"|").place());
  }

  @Test
  void commentsOfferNothing() {
    assertEquals(Place.NONE, at("host a { // os |").place());
    assertEquals(Place.NONE, at("host a { /* os | */ }").place());
    assertEquals(Place.NONE, at("host a { /* unterminated |").place());
    assertEquals(Place.STATEMENT, at("host a { /* x */ |").place());
    assertEquals(Place.STATEMENT, at("host a { // x\n  |").place());
  }

  @Test
  void importsAreAllowedOnlyBeforeTheFirstDeclaration() {
    assertFalse(at("import \"a.topo\"\n|").declarationsBefore());
    assertTrue(at("host a { }\n|").declarationsBefore());
  }

  @Test
  void aRequirementKnowsWhetherItsStringIsAlreadyWritten() {
    assertTrue(at("module m { requires op| \">=1\" }").stringFollows());
    assertFalse(at("module m { requires op| }").stringFollows());
  }

  @Test
  void positionsOutsideTheTextAreClamped() {
    assertEquals(Place.STATEMENT, CursorContext.at("host a {", 99).place());
    assertEquals(Place.STATEMENT, CursorContext.at("", -5).place());
  }

  @Test
  void keywordsAreNamesWhereANameIsExpected() {
    CursorContext c = at("cluster k { nodes os, |");
    assertEquals(List.of("os"), c.listed());
    CursorContext block = at("host os { |");
    assertEquals("os", block.block().name());
  }

  @Test
  void strayClosingBracesDoNotLeaveTheTop() {
    CursorContext c = at("} } host a { |");
    assertEquals(List.of(EntityKind.HOST), kinds(c));
  }
}
