package dev.topo.check.rules;

import dev.topo.check.Rule;
import dev.topo.model.ProblemCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of the language, one instance each: a {@link ProblemCodeRule} per problem code,
 * then every rule class of this package, which the rule-index annotation processor lists at
 * compile time ({@code RuleIndex}, generated into target/generated-sources). So a new rule is
 * one class here, with no list to extend.
 *
 * <p>Listings (SARIF's rules, {@code topo explain --list}, the tables of the docs, the
 * editor's settings) use this order: the problem codes in their order (the text could not be
 * read as written), then the other rules by default severity, most serious first, then by id.
 * Findings are ordered by position, not by rule.
 */
public final class Rules {
  private static final List<Rule> ALL = load();
  private static final Map<String, Rule> BY_ID = byId(ALL);

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static List<String> ids() {
    return List.copyOf(BY_ID.keySet());
  }

  public static Optional<Rule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The options each rule offers, by rule id, for reading a configuration. */
  public static Map<String, Map<String, List<String>>> options() {
    Map<String, Map<String, List<String>>> options = new LinkedHashMap<>();
    ALL.stream().filter(r -> !r.options().isEmpty()).forEach(r -> options.put(r.id(), r.options()));
    return options;
  }

  /** The rule that reports the problems of a code. */
  public static Rule of(ProblemCode code) {
    return BY_ID.get(code.id());
  }

  /** A rule's position in {@link #all()}. */
  public static int index(Rule rule) {
    return ALL.indexOf(rule);
  }

  private static List<Rule> load() {
    List<Rule> all = new ArrayList<>();
    for (ProblemCode code : ProblemCode.values()) {
      all.add(new ProblemCodeRule(code));
    }
    List<Rule> classes = new ArrayList<>(RuleIndex.rules());
    classes.sort(Comparator.comparing(Rule::defaultSeverity).thenComparing(Rule::id));
    all.addAll(classes);
    return List.copyOf(all);
  }

  private static Map<String, Rule> byId(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (byId.put(rule.id(), rule) != null) {
        throw new IllegalStateException("two rules have the id " + rule.id());
      }
    }
    return byId;
  }
}
