package dev.topo.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.model.FileModel;
import dev.topo.model.ProblemCode;
import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class KnowledgeBaseTest {
  static final KnowledgeBase KB = KnowledgeBase.get();

  static List<String> allIds() {
    List<String> ids = new ArrayList<>(KnowledgeBase.conceptIds());
    ids.addAll(Rules.ids());
    return ids;
  }

  @TestFactory
  Stream<DynamicTest> everyEntryExistsInEveryLanguageWithTitleAndOneLineSummary() {
    return allIds().stream().flatMap(id -> KnowledgeBase.LANGUAGES.stream().map(lang ->
        DynamicTest.dynamicTest(lang + "/" + id, () -> {
          String resource = KnowledgeBase.resource(lang, Rules.byId(id).isPresent() ? Entry.Kind.RULE : Entry.Kind.CONCEPT, id);
          assertTrue(KnowledgeBase.class.getResource(resource) != null, "missing " + resource);
          Entry entry = KB.entry(id, lang).orElseThrow();
          assertEquals(lang, entry.language(), "no fallback was needed");
          assertFalse(entry.title().isBlank());
          assertFalse(entry.summary().isBlank());
          assertFalse(entry.summary().startsWith("#"), "line 2 is the summary");
          assertFalse(entry.description().isBlank(), "a paragraph follows the summary");
        })));
  }

  @Test
  void theKoreanEntriesShowTheSameSnippetsAsTheEnglish() {
    for (String id : allIds()) {
      assertEquals(KB.entry(id, "en").orElseThrow().snippets().size(), KB.entry(id, "ko").orElseThrow().snippets().size(), id);
    }
  }

  @TestFactory
  Stream<DynamicTest> everySnippetParses() {
    return allIds().stream().flatMap(id -> KnowledgeBase.LANGUAGES.stream().map(lang ->
        DynamicTest.dynamicTest(lang + "/" + id, () -> {
          List<String> snippets = KB.entry(id, lang).orElseThrow().snippets();
          for (int i = 0; i < snippets.size(); i++) {
            FileModel model = TopologySyntax.parse(URI.create("file:///kb/" + id + ".topo"), snippets.get(i));
            boolean brokenOnPurpose = id.equals("syntax") && i == 0;
            List<String> syntax = model.problems().stream().filter(p -> p.code() == ProblemCode.SYNTAX).map(p -> p.message()).toList();
            assertEquals(brokenOnPurpose, !syntax.isEmpty(), "snippet " + i + ": " + syntax);
          }
        })));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleShowsABeforeThatTriggersItAndAnAfterThatDoesNot() {
    return Rules.ids().stream().flatMap(id -> KnowledgeBase.LANGUAGES.stream().map(lang ->
        DynamicTest.dynamicTest(lang + "/" + id, () -> {
          List<String> snippets = KB.entry(id, lang).orElseThrow().snippets();
          assertEquals(2, snippets.size(), "a rule shows exactly a before and an after");
          assertTrue(rulesFound(snippets.get(0)).contains(id), "before: " + rulesFound(snippets.get(0)));
          assertFalse(rulesFound(snippets.get(1)).contains(id), "after: " + rulesFound(snippets.get(1)));
        })));
  }

  static List<String> rulesFound(String snippet) {
    MemorySources sources = new MemorySources().with("main.topo", snippet);
    return new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(MemorySources.uri("main.topo"), snippet, Cancellation.NONE)
        .findings().stream().map(f -> f.rule().id()).toList();
  }

  @TestFactory
  Stream<DynamicTest> everyRulePageHasEverySectionInOrder() {
    return Rules.ids().stream().flatMap(id -> KnowledgeBase.LANGUAGES.stream().map(lang ->
        DynamicTest.dynamicTest(lang + "/" + id, () -> {
          Entry entry = KB.entry(id, lang).orElseThrow();
          List<String> headings = entry.markdown().lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
          List<String> expected = Arrays.stream(RuleSection.values()).map(s -> s.heading(lang)).toList();
          assertEquals(expected, headings, "the sections of the rule-page template, in order");
          for (RuleSection section : RuleSection.values()) {
            assertFalse(entry.section(section).orElseThrow().isBlank(), section + " is empty");
          }
          assertTrue(entry.section(RuleSection.SUPPRESSING).orElseThrow().contains("topo-ignore " + id + " "),
              "the suppression example names the rule and gives a reason");
        })));
  }

  @Test
  void aMissingSectionIsEmptyAndASectionEndsAtTheNextHeadingButNotInCode() {
    Entry entry = KnowledgeBase.parse("x", Entry.Kind.RULE, "en",
        "# X\nSummary.\n\n## Why it matters\nBecause.\n\n```topo\n## not a heading\n```\n## How to fix\nSo.");
    assertEquals("Because.\n\n```topo\n## not a heading\n```", entry.section(RuleSection.WHY).orElseThrow());
    assertEquals("So.", entry.section(RuleSection.HOW_TO_FIX).orElseThrow());
    assertEquals(Optional.empty(), entry.section(RuleSection.SEVERITY));
    assertEquals("Because.", entry.description(), "a heading is not the description");
  }

  @Test
  void linksOnlyWhenTheDocsHaveAnAddress() {
    assertEquals(Optional.empty(), KnowledgeBase.docsBase(null));
    assertEquals(Optional.empty(), KnowledgeBase.docsBase("  "));
    Optional<String> docs = KnowledgeBase.docsBase("https://docs.example.com/topo/docs");
    assertEquals(Optional.of("https://docs.example.com/topo/docs/"), docs);
    assertEquals(Optional.of("https://docs.example.com/topo/docs/rules/overcommit.md"), KnowledgeBase.rulePage(docs, "overcommit"));
    assertEquals(Optional.empty(), KnowledgeBase.rulePage(Optional.empty(), "overcommit"));
  }

  @Test
  void localesFallBackToEnglish() {
    assertEquals("ko", KnowledgeBase.language("ko-KR"));
    assertEquals("ko", KnowledgeBase.language("ko_kr"));
    assertEquals("en", KnowledgeBase.language("fr"));
    assertEquals("en", KnowledgeBase.language(null));
    assertEquals("en", KB.entry("pod", "fr").orElseThrow().language());
  }

  @Test
  void closeMatchesForAMisspeltId() {
    assertEquals("container", KB.closeMatches("contaner").get(0));
    assertTrue(KB.closeMatches("limits").contains("missing-limits"));
    assertEquals(List.of(), KB.closeMatches("zzzzzzzzzzzz"));
  }

  @Test
  void idsAreUnique() {
    assertEquals(allIds().size(), new HashSet<>(allIds()).size());
    assertEquals(allIds().size(), KB.ids().size());
  }
}
