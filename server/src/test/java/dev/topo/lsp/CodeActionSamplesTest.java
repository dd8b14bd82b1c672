package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.TextDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every code action on every sample, applied as a client would: the result still parses,
 * the finding a quick fix is for is gone, and no token or comment of the original is lost
 * except those the fix means to remove (the statement it deletes, the value it replaces).
 */
class CodeActionSamplesTest {
  /** Rules whose repair replaces or removes what the finding's range covers. */
  private static final Set<String> REPLACES_ITS_RANGE = Set.of("container-os-mismatch", "misplaced-property",
      "unknown-reference", "weak-isolation");

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
        Diagnostic diagnostic = DiagnosticsFeature.diagnostic(snapshot, finding);
        List<CodeAction> actions = actions(snapshot, diagnostic.getRange(), List.of(diagnostic),
            List.of(CodeActionKind.QuickFix));
        assertTrue(actions.stream().anyMatch(a -> a.getTitle().startsWith("Suppress")),
            "no suppression for " + finding);
        if (hasObviousRepair(finding)) {
          assertTrue(actions.size() >= 2, "no repair for " + finding + ": " + actions);
        }
        for (CodeAction action : actions) {
          assertEquals(CodeActionKind.QuickFix, action.getKind());
          assertEquals(List.of(diagnostic), action.getDiagnostics());
          boolean suppression = action.getTitle().startsWith("Suppress");
          Map<String, String> changed = sample.apply(action);
          String where = sample.name() + ": '" + action.getTitle() + "' for " + finding;
          sample.assertParses(changed, where);
          sample.assertKeepsTokens(changed, suppression ? List.of() : intendedRemovals(sample, finding), where);
          List<Finding> after = sample.snapshot(changed).analysis().findings();
          assertEquals(count(snapshot.analysis().findings(), finding) - 1, count(after, finding),
              where + " did not remove its finding:\n" + changed.get(sample.uri().toString()));
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
        Range at = Positions.range(snapshot.lines(), module.name().span());
        for (CodeAction action : actions(snapshot, at, List.of(), List.of(CodeActionKind.Refactor))) {
          assertEquals(CodeActionKind.RefactorExtract, action.getKind());
          Map<String, String> changed = sample.apply(action);
          String where = sample.name() + ": '" + action.getTitle() + "'";
          sample.assertParses(changed, where);
          sample.assertKeepsTokens(changed, List.of(), where);
          List<Finding> after = sample.snapshot(changed).analysis().findings();
          for (Finding f : after) {
            assertTrue(f.severity() != Severity.ERROR || count(snapshot.analysis().findings(), f) > 0,
                where + " brought a new error: " + f + "\n" + changed.get(sample.uri().toString()));
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
      Range whole = Positions.range(snapshot.lines(), new Span(sample.uri(), 0, 0));
      List<CodeAction> actions = actions(snapshot, whole, List.of(), List.of(CodeActionKind.Source));
      List<String> intended = new ArrayList<>();
      for (Finding f : snapshot.analysis().findings()) {
        intended.addAll(intendedRemovals(sample, f));
      }
      for (CodeAction action : actions) {
        assertEquals(CodeActionKind.SourceFixAll, action.getKind());
        Map<String, String> changed = sample.apply(action);
        String where = sample.name() + ": '" + action.getTitle() + "'";
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
        Session session = new Session();
        session.setRoots(List.of(TestFiles.samples().toUri()));
        session.documents().open(new TextDocument(file.toUri(), 1, prefix));
        Snapshot snapshot = session.snapshot(file.toUri(), Cancellation.NONE).orElseThrow();
        Range all = new Range(new Position(0, 0), new Position(10_000, 0));
        for (CodeAction action : actions(snapshot, all, List.of(), null)) {
          for (Map.Entry<String, List<TextEdit>> e : action.getEdit().getChanges().entrySet()) {
            String before = URI.create(e.getKey()).equals(file.toUri()) ? prefix : Files.readString(Path.of(URI.create(e.getKey())));
            Edits.apply(before, e.getValue());
          }
        }
        actions(snapshot, all, List.of(), List.of(CodeActionKind.Source));
        CodeLensFeature.codeLenses(snapshot, Cancellation.NONE);
        InlayHintFeature.inlayHints(snapshot, new InlayHintParams(
            new TextDocumentIdentifier(file.toUri().toString()), all), Cancellation.NONE);
      }
    }));
  }

  /** The findings of the samples that must have a repair besides their suppression. */
  private static boolean hasObviousRepair(Finding f) {
    return switch (f.rule().id()) {
      case "container-os-mismatch", "missing-runtime", "missing-hypervisor", "missing-limits", "unknown-reference" -> true;
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

  private static List<CodeAction> actions(Snapshot snapshot, Range range, List<Diagnostic> diagnostics,
      List<String> only) {
    CodeActionContext context = new CodeActionContext(diagnostics);
    context.setOnly(only);
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(snapshot.document().uri().toString()),
        range, context);
    List<Either<Command, CodeAction>> result = CodeActionFeature.codeActions(snapshot, params, Settings.DEFAULT,
        Cancellation.NONE);
    return result.stream().map(Either::getRight).toList();
  }

  /** The tokens the quick fix for a finding may take away: those of the range it replaces. */
  private static List<String> intendedRemovals(Sample sample, Finding finding) {
    if (!REPLACES_ITS_RANGE.contains(finding.rule().id())) {
      return List.of();
    }
    Span span = finding.span();
    return Edits.tokens(sample.text().substring(span.start(), span.end()));
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

    Snapshot snapshot(Map<String, String> changed) {
      Session session = new Session();
      session.setRoots(List.of(TestFiles.samples().toUri()));
      session.documents().open(new TextDocument(uri(), 1, text));
      changed.forEach((uri, text) -> session.documents().open(new TextDocument(URI.create(uri), 2, text)));
      session.changed();
      return session.snapshot(uri(), Cancellation.NONE).orElseThrow();
    }

    String original(String uri) {
      try {
        return URI.create(uri).equals(uri()) ? text : Files.readString(Path.of(URI.create(uri)));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    Map<String, String> apply(CodeAction action) {
      return Edits.apply(action.getEdit(), this::original);
    }

    void assertParses(Map<String, String> changed, String where) {
      changed.forEach((uri, text) -> {
        long before = syntaxErrors(original(uri), uri);
        assertTrue(syntaxErrors(text, uri) <= before, where + " broke the syntax:\n" + text);
      });
    }

    private static long syntaxErrors(String text, String uri) {
      return TopologySyntax.parse(URI.create(uri), text).problems().stream()
          .filter(p -> p.code() == ProblemCode.SYNTAX).count();
    }

    /**
     * Every token of the original is still there (as many times) unless it is one the fix
     * means to remove; a topo-ignore comment may come back extended with more rule ids.
     */
    void assertKeepsTokens(Map<String, String> changed, List<String> intended, String where) {
      changed.forEach((uri, text) -> {
        Map<String, Integer> remaining = new HashMap<>();
        for (String t : Edits.tokens(text)) {
          remaining.merge(t, 1, Integer::sum);
        }
        List<String> allowed = new ArrayList<>(intended);
        List<String> newComments = Edits.tokens(text).stream().filter(t -> t.startsWith("//")).toList();
        for (String t : Edits.tokens(original(uri))) {
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
