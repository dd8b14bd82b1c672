package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.Severity;
import dev.topo.check.rules.Rules;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.FileSystemSources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.SourceProvider;
import dev.topo.workspace.TextDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every code action on every sample, its edits applied to the texts: the result still parses,
 * the finding a quick fix is for is gone, and no token or comment of the original is lost
 * except those the fix means to remove (the statement it deletes, the value it replaces).
 */
class CodeActionSamplesTest {
  /** Rules whose repair replaces or removes what the finding's range covers. */
  private static final Set<String> REPLACES_ITS_RANGE = Set.of("container-os-mismatch", "misplaced-property", "unused-suppression",
      "single-replica", "unknown-reference", "weak-isolation");

  static List<Path> samples() throws IOException {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      return walk.filter(p -> p.toString().endsWith(".topo")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyQuickFixAndSuppressionOnEverySample() throws IOException {
    return samples().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      Sample sample = new Sample(file);
      Snapshot snapshot = sample.snapshot(Map.of());
      assertEquals(sample.name().equals("shop.topo"), snapshot.analysis().findings().isEmpty(),
          "only the clean sample has no findings");
      for (Finding finding : snapshot.analysis().findings()) {
        CodeActions.Asked asked = new CodeActions.Asked(finding.rule().id(), finding.span().start(), finding.span().end());
        List<CodeActions.Action> actions = actions(snapshot, finding.span().start(), finding.span().end(), List.of(asked),
            Set.of(CodeActions.Kind.QUICK_FIX));
        // A comment that silences nothing is removed, not silenced by another.
        String expected = finding.rule().id().equals(Checker.UNUSED_SUPPRESSION) ? "Remove" : "Suppress";
        assertTrue(actions.stream().anyMatch(a -> a.title().startsWith(expected)), "no '" + expected + "' action for " + finding);
        if (hasObviousRepair(finding)) {
          assertTrue(actions.size() >= 2, "no repair for " + finding + ": " + actions);
        }
        for (CodeActions.Action action : actions) {
          assertEquals(CodeActions.Kind.QUICK_FIX, action.kind());
          assertEquals(Optional.of(finding), action.finding());
          boolean suppression = action.title().startsWith("Suppress");
          Map<URI, String> changed = sample.apply(action);
          String where = sample.name() + ": '" + action.title() + "' for " + finding;
          sample.assertParses(changed, where);
          sample.assertKeepsTokens(changed, suppression ? List.of() : intendedRemovals(sample, finding), where);
          List<Finding> after = sample.snapshot(changed).analysis().findings();
          assertEquals(count(snapshot.analysis().findings(), finding) - 1, count(after, finding),
              where + " did not remove its finding:\n" + changed.get(sample.uri()));
          // A repair trades no error for another; a container's move into a VM changes nothing else at all.
          boolean move = action.title().startsWith("Move ");
          for (Finding f : after) {
            assertTrue((f.severity() != Severity.ERROR && !move) || count(snapshot.analysis().findings(), f) > 0,
                where + " brought a new finding: " + f + "\n" + changed.get(sample.uri()));
          }
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theRefactoringOnEveryModuleOfEverySample() throws IOException {
    return samples().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      Sample sample = new Sample(file);
      Snapshot snapshot = sample.snapshot(Map.of());
      List<Entity> modules = new ArrayList<>();
      snapshot.file().declarations().forEach(d -> d.forEachInTree(e -> {
        if (e.kind() == EntityKind.MODULE) {
          modules.add(e);
        }
      }));
      for (Entity module : modules) {
        Span at = snapshot.file().span(module.name());
        for (CodeActions.Action action : actions(snapshot, at.start(), at.end(), List.of(),
            Set.of(CodeActions.Kind.REFACTOR_EXTRACT))) {
          assertEquals(CodeActions.Kind.REFACTOR_EXTRACT, action.kind());
          Map<URI, String> changed = sample.apply(action);
          String where = sample.name() + ": '" + action.title() + "'";
          sample.assertParses(changed, where);
          sample.assertKeepsTokens(changed, List.of(), where);
          List<Finding> after = sample.snapshot(changed).analysis().findings();
          for (Finding f : after) {
            assertTrue(f.severity() != Severity.ERROR || count(snapshot.analysis().findings(), f) > 0,
                where + " brought a new error: " + f + "\n" + changed.get(sample.uri()));
          }
          assertTrue(after.stream().noneMatch(f -> f.rule().id().equals("scaling-granularity")
              && f.message().startsWith(module.describe())), where + " left its module where it was");
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> fixAllOnEverySample() throws IOException {
    return samples().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      Sample sample = new Sample(file);
      Snapshot snapshot = sample.snapshot(Map.of());
      List<CodeActions.Action> actions = actions(snapshot, 0, 0, List.of(), Set.of(CodeActions.Kind.SOURCE_FIX_ALL));
      List<String> intended = new ArrayList<>();
      for (Finding f : snapshot.analysis().findings()) {
        intended.addAll(intendedRemovals(sample, f));
      }
      for (CodeActions.Action action : actions) {
        assertEquals(CodeActions.Kind.SOURCE_FIX_ALL, action.kind());
        Map<URI, String> changed = sample.apply(action);
        String where = sample.name() + ": '" + action.title() + "'";
        sample.assertParses(changed, where);
        sample.assertKeepsTokens(changed, intended, where);
        assertTrue(sample.snapshot(changed).analysis().findings().size() < snapshot.analysis().findings().size(), where);
      }
    }));
  }

  /** Half-typed text is the normal state of a file: every prefix of a sample gets actions, lenses and hints that apply. */
  @TestFactory
  Stream<DynamicTest> everyPrefixOfEverySampleGetsActionsLensesAndHintsWithoutFailing() throws IOException {
    return samples().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      String text = Files.readString(file);
      for (int cut = 0; cut <= text.length(); cut += 23) {
        String prefix = text.substring(0, cut);
        Snapshot snapshot = snapshot(file.toUri(), prefix, Map.of());
        int end = prefix.length();
        for (CodeActions.Action action : actions(snapshot, 0, end, List.of(), LIGHT_BULB)) {
          SourceEdits.apply(action.edits(), uri -> uri.equals(file.toUri()) ? prefix : read(uri));
        }
        actions(snapshot, 0, end, List.of(), Set.of(CodeActions.Kind.SOURCE_FIX_ALL));
        CodeLenses.of(snapshot, Cancellation.NONE);
        InlayHints.between(snapshot, 0, end, Cancellation.NONE);
      }
    }));
  }

  /** The findings of the samples that must have a repair besides their suppression. */
  private static boolean hasObviousRepair(Finding f) {
    return switch (f.rule().id()) {
      case "container-os-mismatch", "missing-runtime", "missing-hypervisor", "missing-limits", "single-replica",
          "unknown-reference" -> true;
      case "arch-mismatch" -> f.message().contains("may schedule it on");
      case "windows-build-mismatch" -> f.message().contains("isolation hyperv");
      case "misplaced-property" -> f.message().contains("given twice") || f.message().contains("is not allowed");
      case "weak-isolation" -> f.message().contains("privileged");
      default -> false;
    };
  }

  /** Whether a comment is another with ", rule-id" added somewhere (a suppression extended). */
  private static boolean isExtensionOf(String comment, String original) {
    Matcher m = Pattern.compile(",\\s*[a-z][a-z-]*").matcher(comment);
    while (m.find()) {
      if ((comment.substring(0, m.start()) + comment.substring(m.end())).equals(original)) {
        return true;
      }
    }
    return false;
  }

  private static String name(Path file) {
    return TestFiles.samples().relativize(file).toString();
  }

  /** What a light bulb asks for: quick fixes and refactorings. */
  private static final Set<CodeActions.Kind> LIGHT_BULB = EnumSet.of(CodeActions.Kind.QUICK_FIX,
      CodeActions.Kind.REFACTOR_EXTRACT);

  private static List<CodeActions.Action> actions(Snapshot snapshot, int start, int end, List<CodeActions.Asked> asked,
      Set<CodeActions.Kind> kinds) {
    return CodeActions.in(snapshot, new CodeActions.Request(start, end, asked, kinds), true, Cancellation.NONE);
  }

  /**
   * A document of the samples folder analysed as the server would: its text as given, the
   * changed documents as changed, the others from the disk (imports resolve there).
   */
  static Snapshot snapshot(URI uri, String text, Map<URI, String> changed) {
    FileSystemSources disk = new FileSystemSources();
    SourceProvider sources = new SourceProvider() {
      @Override
      public Optional<String> read(URI document) {
        URI at = document.normalize();
        return changed.containsKey(at) ? Optional.of(changed.get(at)) : disk.read(at);
      }

      @Override
      public URI canonical(URI document) {
        return disk.canonical(document);
      }
    };
    ParseCache cache = new ParseCache();
    var analysis = new Analyzer(sources, cache, TestFiles.samples().toUri(), new Checker(Rules.all(), Config.DEFAULT))
        .analyze(uri, text, Cancellation.NONE);
    return new Snapshot(new TextDocument(uri, 1, text), analysis, 0, cache::syntax);
  }

  static String read(URI uri) {
    try {
      return Files.readString(Path.of(uri));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The tokens the quick fix for a finding may take away: those of the range it replaces. */
  private static List<String> intendedRemovals(Sample sample, Finding finding) {
    if (!REPLACES_ITS_RANGE.contains(finding.rule().id())) {
      return List.of();
    }
    Span span = finding.span();
    return SourceEdits.tokens(sample.text().substring(span.start(), span.end()));
  }

  private static long count(List<Finding> findings, Finding like) {
    return findings.stream().filter(f -> f.rule() == like.rule() && f.message().equals(like.message())).count();
  }

  /** A sample opened in a session rooted at the samples folder, so that its imports resolve. */
  private record Sample(Path file, String text) {
    Sample(Path file) throws IOException {
      this(file, Files.readString(file));
    }

    URI uri() {
      return file.toUri();
    }

    String name() {
      return file.getFileName().toString();
    }

    Snapshot snapshot(Map<URI, String> changed) {
      return CodeActionSamplesTest.snapshot(uri(), changed.getOrDefault(uri(), text), changed);
    }

    String original(URI uri) {
      return uri.equals(uri()) ? text : read(uri);
    }

    Map<URI, String> apply(CodeActions.Action action) {
      return SourceEdits.apply(action.edits(), this::original);
    }

    void assertParses(Map<URI, String> changed, String where) {
      changed.forEach((uri, text) -> {
        long before = syntaxErrors(original(uri), uri);
        assertTrue(syntaxErrors(text, uri) <= before, where + " broke the syntax:\n" + text);
      });
    }

    private static long syntaxErrors(String text, URI uri) {
      return TopologySyntax.parse(uri, text).problems().stream()
          .filter(p -> p.code() == ProblemCode.SYNTAX).count();
    }

    /**
     * Every token of the original is still there (as many times) unless it is one the fix
     * means to remove; a topo-ignore comment may come back extended with more rule ids.
     */
    void assertKeepsTokens(Map<URI, String> changed, List<String> intended, String where) {
      changed.forEach((uri, text) -> {
        Map<String, Integer> remaining = new HashMap<>();
        for (String t : SourceEdits.tokens(text)) {
          remaining.merge(t, 1, Integer::sum);
        }
        List<String> allowed = new ArrayList<>(intended);
        List<String> newComments = SourceEdits.tokens(text).stream().filter(t -> t.startsWith("//")).toList();
        for (String t : SourceEdits.tokens(original(uri))) {
          if (remaining.getOrDefault(t, 0) > 0) {
            remaining.merge(t, -1, Integer::sum);
          } else if (allowed.contains(t)) {
            allowed.remove(t);
          } else {
            boolean extended = t.contains("topo-ignore") && newComments.stream().anyMatch(c -> isExtensionOf(c, t));
            assertTrue(extended, where + " lost '" + t + "':\n" + text);
          }
        }
      });
    }
  }
}
