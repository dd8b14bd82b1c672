package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  @Test
  void explainsEveryRuleAndConceptInBothLanguages() {
    for (String lang : KnowledgeBase.LANGUAGES) {
      for (String id : KnowledgeBase.get().ids()) {
        Cli cli = Cli.run("explain", id, "--lang", lang);
        assertEquals(Main.CLEAN, cli.code(), id + ": " + cli.err());
        assertEquals(KnowledgeBase.get().entry(id, lang).orElseThrow().title(),
            cli.out().lines().findFirst().orElseThrow());
      }
    }
  }

  @Test
  void theMarkdownIsRenderedUnlessAskedForAsWritten() {
    String markdown = KnowledgeBase.get().entry("container-os-mismatch", "en").orElseThrow().markdown();
    Cli rendered = Cli.run("explain", "container-os-mismatch");
    assertTrue(rendered.out().startsWith("Container OS mismatch\n=====================\n\n"), rendered.out());
    assertTrue(rendered.out().contains("\n    host win-01 {\n"), "fenced code is indented: " + rendered.out());
    assertTrue(!rendered.out().contains("```") && !rendered.out().contains("## "), rendered.out());
    Cli raw = Cli.run("explain", "--markdown", "container-os-mismatch");
    assertTrue(raw.out().startsWith(markdown + "\n"), raw.out());
  }

  @Test
  void aRuleEndsWithItsIdAndSeverity() {
    Cli cli = Cli.run("explain", "missing-limits");
    assertTrue(cli.out().contains("Rule id missing-limits, default severity warning."), cli.out());
  }

  @Test
  void anUnknownIdExitsTwoWithCloseMatches() {
    Cli cli = Cli.run("explain", "contaner");
    assertEquals(Main.USAGE_OR_IO, cli.code());
    assertEquals("topo: no rule or concept is called 'contaner'; did you mean container?\n", cli.err());
    Cli none = Cli.run("explain", "no-such-thing");
    assertEquals(Main.USAGE_OR_IO, none.code());
    assertTrue(none.err().startsWith("topo: no rule or concept is called 'no-such-thing'"), none.err());
  }

  @Test
  void listsEverything() {
    Cli cli = Cli.run("explain", "--list");
    assertEquals(Main.CLEAN, cli.code());
    for (String id : KnowledgeBase.get().ids()) {
      assertTrue(cli.out().contains("  " + id + " "), id);
    }
    assertTrue(Cli.run("explain", "--list", "--lang", "ko").out().contains("파드"));
  }

  @Test
  void badLanguageOrNoIdIsAUsageError() {
    assertEquals(Main.USAGE_OR_IO, Cli.run("explain", "pod", "--lang", "fr").code());
    assertEquals(Main.USAGE_OR_IO, Cli.run("explain").code());
  }

  @Test
  void checkExplainAddsTheSummaryUnderEachFinding(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("x.topo"), "host a { }");
    Cli cli = Cli.run("check", "--root", dir.toString(), "--explain", "--lang", "ko", file.toString());
    String summary = KnowledgeBase.get().entry("unknown-os", "ko").orElseThrow().summary();
    assertTrue(cli.out().contains("\n    help: " + summary + " (topo explain unknown-os)\n"), cli.out());
  }
}
