package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.ide.Completion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion through the protocol's types: text edits in lines and columns, kinds, snippet
 * formats and modes, the command that suggests again, and what the session supplies (the
 * client's snippet support, the language, the files of the workspace and of the disk). What
 * is offered where is {@link dev.topo.ide.CompletionTest}'s.
 */
class CompletionFeatureTest {
  @TempDir
  Path dir;

  static List<CompletionItem> complete(Fixture f, boolean snippets) {
    return CompletionFeature.complete(f.session(), f.snapshot(), f.position(), snippets, Cancellation.NONE).getItems()
        .stream().sorted(Comparator.comparing(i -> i.getSortText() == null ? i.getLabel() : i.getSortText())).toList();
  }

  static List<CompletionItem> complete(String marked) {
    return complete(Fixture.of(marked), true);
  }

  static List<String> labels(List<CompletionItem> items) {
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream().filter(i -> i.getLabel().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + label + "' in " + labels(items)));
  }

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static String newText(CompletionItem item) {
    return item.getTextEdit().getLeft().getNewText();
  }

  @Test
  void blocksAreSnippetsInsertedAsTheyAreWithTheirDocumentationInMarkdown() {
    CompletionItem vm = item(complete("host h {\n  |\n}"), "vm");
    assertEquals(CompletionItemKind.Snippet, vm.getKind());
    assertEquals(InsertTextFormat.Snippet, vm.getInsertTextFormat());
    assertEquals(InsertTextMode.AsIs, vm.getInsertTextMode());
    assertEquals(r(1, 2, 1, 2), vm.getTextEdit().getLeft().getRange());
    assertTrue(newText(vm).startsWith("vm ${1:name} {\n    os "), newText(vm));
    assertEquals("markdown", vm.getDocumentation().getRight().getKind());
    assertNotNull(vm.getDetail());
    assertNull(vm.getCommand());
  }

  @Test
  void withoutSnippetSupportKeywordsArePlainText() {
    CompletionItem vm = item(complete(Fixture.of("host h {\n  |"), false), "vm");
    assertEquals(CompletionItemKind.Keyword, vm.getKind());
    assertEquals(InsertTextFormat.PlainText, vm.getInsertTextFormat());
    assertNull(vm.getInsertTextMode());
    assertEquals("vm ", newText(vm));
  }

  @Test
  void theWordBeingTypedIsReplacedByAnEditInLinesAndUtf16Columns() {
    CompletionItem cpu = item(complete("host a {\n  os linux\n  cp|\n}"), "cpu");
    assertEquals(r(2, 2, 2, 4), cpu.getTextEdit().getLeft().getRange());
    CompletionItem linux = item(complete("host a { container c { image \"🚀\"; os li|"), "linux");
    assertEquals(r(0, 38, 0, 40), linux.getTextEdit().getLeft().getRange(), "the rocket is two UTF-16 units");
    assertEquals("linux", newText(linux));
  }

  @Test
  void eachKindOfItemHasTheProtocolsKind() {
    Map<Completion.Kind, CompletionItemKind> expected = Map.of(
        Completion.Kind.KEYWORD, CompletionItemKind.Keyword, Completion.Kind.TEMPLATE, CompletionItemKind.Snippet,
        Completion.Kind.CLOSED_VALUE, CompletionItemKind.EnumMember, Completion.Kind.OPEN_VALUE, CompletionItemKind.Value,
        Completion.Kind.NODE, CompletionItemKind.Reference, Completion.Kind.LABEL_KEY, CompletionItemKind.Property,
        Completion.Kind.LIBRARY, CompletionItemKind.Module, Completion.Kind.FILE, CompletionItemKind.File,
        Completion.Kind.FOLDER, CompletionItemKind.Folder);
    for (Completion.Kind kind : Completion.Kind.values()) {
      assertEquals(expected.get(kind), CompletionFeature.kind(kind), kind.name());
    }
    assertEquals(CompletionItemKind.Reference, item(complete("host a { }\ncluster k { nodes |"), "a").getKind());
  }

  @Test
  void aPreselectedItemSaysSoAndOthersSayNothing() {
    List<CompletionItem> items = complete("host w {\n  os windows\n  runtime docker\n  container c {\n    os |");
    assertEquals(Boolean.TRUE, items.get(0).getPreselect());
    assertNull(items.get(1).getPreselect());
  }

  @Test
  void keywordsAreDocumentedInTheSessionsLanguage() {
    Fixture korean = Fixture.of("host h {\n  |").settings(Settings.from(null, "ko-KR"));
    assertEquals("운영체제", item(complete(korean, true), "os").getDetail());
  }

  @Test
  void importPathsListTheOpenDocumentsAndAFolderSuggestsAgain() {
    Fixture f = Fixture.of("import \"|\"\nhost a { }")
        .with("shared.topo", "host s { }")
        .with("lib/net.topo", "host n { }")
        .with("notes.txt", "not topology");
    List<CompletionItem> items = complete(f, true);
    assertEquals(List.of("shared.topo", "lib/"), labels(items));
    assertEquals(CompletionItemKind.File, items.get(0).getKind());
    assertEquals(InsertTextFormat.PlainText, items.get(0).getInsertTextFormat());
    assertNull(items.get(0).getCommand());
    assertEquals(CompletionItemKind.Folder, items.get(1).getKind());
    assertEquals("editor.action.triggerSuggest", items.get(1).getCommand().getCommand());
  }

  @Test
  void importPathsComeFromTheDiskAndLeadUpWithinTheWorkspace() throws Exception {
    Files.createDirectories(dir.resolve("app"));
    Files.createDirectories(dir.resolve("node_modules/pkg"));
    Files.writeString(dir.resolve("base.topo"), "host b { }");
    Files.writeString(dir.resolve("app/other.topo"), "host o { }");
    Files.writeString(dir.resolve("node_modules/pkg/x.topo"), "host x { }");
    Fixture here = Fixture.at(dir, "app/main.topo", "import \"|\"");
    Fixture up = Fixture.at(dir, "app/main.topo", "import \"../|\"");
    for (Fixture f : List.of(here, up)) {
      f.session().workspaceFiles().add(dir.resolve("base.topo").toUri());
    }
    assertEquals(List.of("other.topo", "../"), labels(complete(here, true)));
    assertEquals(List.of("base.topo", "app/"), labels(complete(up, true)));
    assertEquals(r(0, 11, 0, 11), item(complete(up, true), "app/").getTextEdit().getLeft().getRange());
  }

  @Test
  void theTriggerCharactersOfPathsBringNothingUpOutsideStrings() {
    assertEquals(List.of("\"", "/"), CompletionFeature.TRIGGER_CHARACTERS);
    Fixture comment = Fixture.of("host a {\n  /|\n}");
    assertEquals(List.of(), CompletionFeature.complete(comment.session(), comment.snapshot(), comment.position(), true,
        "/", Cancellation.NONE).getItems());
    assertFalse(complete(comment, true).isEmpty(), "asked for, the statements come");
    Fixture path = Fixture.of("import \"|").with("lib.topo", "host l { }");
    assertEquals(List.of("lib.topo"), labels(CompletionFeature.complete(path.session(), path.snapshot(), path.position(),
        true, "\"", Cancellation.NONE).getItems()));
  }

  @Test
  void aPositionPastTheEndCompletesAtTheEnd() {
    Fixture f = Fixture.of("host a {\n  os |");
    var list = CompletionFeature.complete(f.session(), f.snapshot(), new Position(9999, 9999), true, Cancellation.NONE);
    assertFalse(list.isIncomplete());
    assertEquals(List.of("linux", "windows", "macos", "freebsd"), labels(list.getItems()));
    assertEquals(r(1, 5, 1, 5), list.getItems().get(0).getTextEdit().getLeft().getRange());
  }
}
