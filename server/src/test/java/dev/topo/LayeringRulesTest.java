package dev.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.topo.layering.fixture.check.Checker;
import dev.topo.layering.fixture.check.Config;
import dev.topo.layering.fixture.check.Rule;
import dev.topo.layering.fixture.check.rules.Json;
import dev.topo.layering.fixture.check.rules.Overcommit;
import dev.topo.layering.fixture.cli.LspCommand;
import dev.topo.layering.fixture.cli.Main;
import dev.topo.layering.fixture.cli.Protocol;
import dev.topo.layering.fixture.cli.Report;
import dev.topo.layering.fixture.lsp.Commands;
import dev.topo.layering.fixture.lsp.ServerMain;
import dev.topo.layering.fixture.model.Upward;
import dev.topo.layering.fixture.stray.Unplaced;
import dev.topo.layering.fixture.workspace.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layering rules can fail: the table of {@link Layering}, built over the fixtures'
 * root instead of dev.topo, finds each wrong dependency of the classes in
 * {@code dev.topo.layering.fixture} and lets the right ones through.
 */
class LayeringRulesTest {
  static final String ROOT = "dev.topo.layering.fixture";
  static final Layering LAYERING = new Layering(ROOT);

  @Test
  void aPackageThatUsesOneAboveItBreaksItsRowAndFormsACycle() {
    assertEquals(Set.of("model.Upward -> workspace.Document"), violations(LAYERING.allowTable(), Upward.class, Document.class));
    assertEquals(List.of("Cycle detected: Slice model -> Slice workspace -> Slice model"),
        cycles(LAYERING.noCyclesBetweenTopLevelPackages(), Upward.class, Document.class));
  }

  @Test
  void eachLibraryIsUsedOnlyWhereItsRowNamesIt() {
    assertEquals(Set.of("workspace.Lexing -> org.antlr.v4.runtime.CharStream", "check.rules.Json -> com.google.gson.JsonObject",
            "lsp.Commands -> picocli.CommandLine", "cli.Protocol -> org.eclipse.lsp4j.Position"),
        violations(LAYERING.allowTable(), dev.topo.layering.fixture.syntax.Lexing.class,
            dev.topo.layering.fixture.workspace.Lexing.class, Config.class, Json.class, Commands.class, Protocol.class));
  }

  @Test
  void theFacesArePeersButForTheLauncher() {
    assertEquals(Set.of("cli.Main -> lsp.ServerMain", "lsp.ServerMain -> cli.Report"),
        violations(LAYERING.allowTable(), LspCommand.class, Main.class, ServerMain.class, Report.class));
  }

  /** check and check.rules are one top-level package, so only the finer rule sees their cycle. */
  @Test
  void aCycleBetweenAPackageAndItsSubPackageIsFound() {
    Class<?>[] classes = {Checker.class, Rule.class, Overcommit.class};
    assertEquals(Set.of("check.Checker -> check.rules.Overcommit"), violations(LAYERING.allowTable(), classes));
    assertEquals(List.of(), cycles(LAYERING.noCyclesBetweenTopLevelPackages(), classes));
    assertEquals(List.of("Cycle detected: Slice check -> Slice check.rules -> Slice check"),
        cycles(LAYERING.noCyclesBetweenPackages(), classes));
  }

  @Test
  void aPackageWithoutARowIsFound() {
    EvaluationResult result = LAYERING.everyPackageHasARow().evaluate(new ClassFileImporter().importClasses(Unplaced.class, Upward.class));
    assertTrue(result.hasViolation());
    List<String> details = result.getFailureReport().getDetails();
    assertEquals(1, details.size(), details::toString);
    assertTrue(details.get(0).contains(Unplaced.class.getName()), details::toString);
  }

  /** The table reads lowest first: a row names only packages of rows before it, and libraries. */
  @Test
  void eachRowUsesOnlyRowsBeforeIt() {
    List<String> before = new ArrayList<>(List.of("grammar")); // the grammar module, below the server
    Layering.MAY_USE.forEach((pkg, mayUse) -> {
      for (String used : mayUse) {
        assertTrue(used.endsWith("..") || before.contains(used), pkg + " may use " + used + ", which is not below it");
      }
      before.add(pkg);
    });
    assertFalse(Layering.MAY_USE.get("lsp").contains("cli") || Layering.MAY_USE.get("cli").contains("lsp"),
        "the faces are peers; the launcher is the one named exception");
  }

  /** The rule's violations as "origin -> target", named below the fixtures' root. */
  static Set<String> violations(ArchRule rule, Class<?>... classes) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
    Set<String> found = new TreeSet<>();
    result.handleViolations((Collection<Dependency> dependencies, String message) -> dependencies.forEach(
        d -> found.add(name(d.getOriginClass()) + " -> " + name(d.getTargetClass()))));
    return found;
  }

  /** The cycles the rule reports, each on one line. */
  static List<String> cycles(ArchRule rule, Class<?>... classes) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
    return result.getFailureReport().getDetails().stream()
        .map(detail -> detail.lines().takeWhile(line -> !line.strip().startsWith("1.")).map(String::strip)
            .reduce((a, b) -> a + " " + b).orElse(""))
        .toList();
  }

  private static String name(JavaClass type) {
    return type.getName().startsWith(ROOT + ".") ? type.getName().substring(ROOT.length() + 1) : type.getName();
  }
}
