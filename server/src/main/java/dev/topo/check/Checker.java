package dev.topo.check;

import dev.topo.model.Located;
import dev.topo.model.Related;
import dev.topo.model.Suppression;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Runs the rules over a program and keeps the findings that belong to its root file, with
 * the configured severities and without those a {@code topo-ignore} comment silences.
 */
public final class Checker {
  private final List<Rule> rules;
  private final Config config;

  /** A checker of the given rules; {@code Rules.all()} are those of the language. */
  public Checker(List<? extends Rule> rules, Config config) {
    this.rules = List.copyOf(rules);
    this.config = config;
  }

  /** The findings located in the program's root. */
  public List<Finding> check(Program program, Cancellation cancel) {
    return check(program, cancel, false);
  }

  /**
   * The findings located in the root, and with {@code companions} also those in the root's
   * companions (the manifests of its folder), each silenced by its own file's comments: a run
   * that checks every file of a folder checks the folder's cluster once.
   */
  public List<Finding> check(Program program, Cancellation cancel, boolean companions) {
    Map<URI, List<Suppression>> checked = new HashMap<>();
    checked.put(program.root().uri(), program.root().suppressions());
    if (companions) {
      Set<URI> wanted = Set.copyOf(program.companions());
      program.files().stream().filter(f -> wanted.contains(f.uri())).forEach(f -> checked.put(f.uri(), f.suppressions()));
    }
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      cancel.check();
      Optional<Severity> severity = config.severity(rule);
      if (severity.isEmpty()) {
        continue;
      }
      rule.check(program, (Located at, String message, List<Related> related, Finding.Data data) -> {
        List<Suppression> suppressions = checked.get(at.span().source());
        if (suppressions != null && !silenced(suppressions, rule, at)) {
          findings.add(new Finding(rule, severity.get(), message, at.span(), List.copyOf(related), data));
        }
      });
    }
    findings.sort(Finding.ORDER);
    return List.copyOf(findings);
  }

  private static boolean silenced(List<Suppression> suppressions, Rule rule, Located at) {
    for (Suppression s : suppressions) {
      if (s.silences(rule.id(), at.span())) {
        return true;
      }
    }
    return false;
  }
}
