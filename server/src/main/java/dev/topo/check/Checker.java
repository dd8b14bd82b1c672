package dev.topo.check;

import dev.topo.model.Located;
import dev.topo.model.Related;
import dev.topo.model.Suppression;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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

  public List<Finding> check(Program program, Cancellation cancel) {
    URI root = program.root().uri();
    List<Suppression> suppressions = program.root().suppressions();
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      cancel.check();
      Optional<Severity> severity = config.severity(rule);
      if (severity.isEmpty()) {
        continue;
      }
      rule.check(program, (Located at, String message, List<Related> related, Finding.Data data) -> {
        if (at.span().source().equals(root) && !silenced(suppressions, rule, at)) {
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
