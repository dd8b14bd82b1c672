package dev.topo;

import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the packages of the server are layered: the allow-table, and the rules built from it.
 * The rules are built over a root package so that the same table can be checked against the
 * server ({@code dev.topo}, {@link LayeringTest}) and against deliberately wrong fixtures
 * ({@code dev.topo.layering.fixture}, {@link LayeringRulesTest}), which prove that each
 * rule can fail.
 */
final class Layering {
  /** The JDK, which every package may use; CoreIsolationTest narrows what the core takes from it. */
  static final String JDK = "java..";
  static final String ANTLR = "org.antlr.v4.runtime..";
  static final String GSON = "com.google.gson..";
  static final String LSP4J = "org.eclipse.lsp4j..";
  static final String PICOCLI = "picocli..";
  /** snakeyaml-engine, which reads Kubernetes manifests and Compose files. */
  static final String SNAKEYAML = "org.snakeyaml..";
  /** Eclipse ELK, the diagram's layout, and the EMF its graph is made of. */
  static final String ELK = "org.eclipse.elk..";
  static final String EMF = "org.eclipse.emf..";

  /**
   * Each package (relative to the root; its sub-packages need rows of their own), lowest first,
   * and what it may use besides itself and the JDK: packages of topo by name, libraries by the
   * constants above. A package of topo may use only packages listed before it, and a
   * library is named only where it belongs: ANTLR and the generated parser in {@code syntax},
   * Gson where JSON is read or written (the configuration in {@code check}, the reports in
   * {@code cli}, the settings in {@code lsp}), LSP4J only in {@code lsp}, picocli only in
   * {@code cli}, ELK (and its EMF) only in {@code diagram}. The two faces, {@code lsp} and
   * {@code cli}, are peers over the core: neither uses the other, but for {@link #launcher() the launcher}.
   */
  static final Map<String, List<String>> MAY_USE = table(
      row("model"),
      row("syntax", "model", "grammar", ANTLR),
      row("yaml", "model", SNAKEYAML),
      row("workspace", "model", "syntax", "yaml"),
      row("check.edit", "model", "syntax", "workspace"),
      row("check", "model", "syntax", "workspace", "check.edit", GSON),
      row("check.rules", "model", "syntax", "workspace", "check", "check.edit"),
      row("check.fix", "model", "syntax", "workspace", "check", "check.edit"),
      row("knowledge", "model", "syntax", "workspace", "check", "check.edit", "check.rules", "check.fix"),
      // Editor features as plain data (planned): the core, and nothing of a protocol.
      row("ide", "model", "syntax", "workspace", "check", "check.edit", "check.rules", "check.fix", "knowledge"),
      // The program as a laid-out picture, shared by every face: the only place ELK is used.
      row("diagram", "model", "workspace", "check", GSON, ELK, EMF),
      row("lsp", "model", "syntax", "workspace", "check", "check.edit", "check.rules", "check.fix", "knowledge", "ide", "diagram",
          LSP4J, GSON),
      row("cli", "model", "syntax", "yaml", "workspace", "check", "check.edit", "check.rules", "check.fix", "knowledge", "ide", "diagram",
          PICOCLI, GSON));

  private final String root;

  Layering(String root) {
    this.root = root;
  }

  /** The one door between the faces: {@code topo lsp} starts the language server. */
  DescribedPredicate<Dependency> launcher() {
    return dependency(root + ".cli.LspCommand", root + ".lsp.ServerMain");
  }

  /** Each package of the table uses only what its row allows. */
  ArchRule allowTable() {
    List<ArchRule> rows = new ArrayList<>();
    MAY_USE.forEach((pkg, mayUse) -> {
      List<String> allowed = new ArrayList<>(List.of(topo(pkg), JDK));
      mayUse.forEach(used -> allowed.add(used.endsWith("..") ? used : topo(used)));
      rows.add(classes().that().resideInAPackage(topo(pkg))
          .should(onlyHaveDependenciesWhere(dependencyTarget(resideInAnyPackage(allowed.toArray(String[]::new)))
              .or(launcher())))
          .allowEmptyShould(true));
    });
    return CompositeArchRule.of(rows).as("each package of " + root + " uses only itself, the JDK and what its row allows");
  }

  /** No class sits in a package that the table does not place. */
  ArchRule everyPackageHasARow() {
    return classes().that().resideInAPackage(root + "..")
        .should().resideInAnyPackage(MAY_USE.keySet().stream().map(this::topo).toArray(String[]::new))
        .as("every class of " + root + " is in a package of the layering table");
  }

  /**
   * No cycles between the top-level packages. The table implies it while its rows look only
   * down (LayeringRulesTest checks that they do); this says it outright, and reports both
   * sides of a cycle together.
   */
  ArchRule noCyclesBetweenTopLevelPackages() {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
  }

  /** No cycles between any two packages either, sub-packages included (check vs check.rules). */
  ArchRule noCyclesBetweenPackages() {
    return slices().matching(root + ".(**)").should().beFreeOfCycles()
        .allowEmptyShould(true);
  }

  private String topo(String pkg) {
    return root + "." + pkg;
  }

  private static Map.Entry<String, List<String>> row(String pkg, String... mayUse) {
    return Map.entry(pkg, List.of(mayUse));
  }

  @SafeVarargs
  private static Map<String, List<String>> table(Map.Entry<String, List<String>>... rows) {
    Map<String, List<String>> table = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> row : rows) {
      table.put(row.getKey(), row.getValue());
    }
    return Collections.unmodifiableMap(table);
  }
}
