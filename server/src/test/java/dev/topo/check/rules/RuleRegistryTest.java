package dev.topo.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Rule;
import dev.topo.model.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry is derived from the rule classes and the problem codes, and lists each once, in a stable order. */
class RuleRegistryTest {
  private static final Pattern RULE_CLASS = Pattern.compile("public (?:final )?class (\\w+) implements Rule\\b");

  /** The rule classes as written in this package's sources. */
  static List<String> ruleClassesInTheSources() throws IOException {
    List<String> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestFiles.repo().resolve("server/src/main/java/dev/topo/check/rules"))) {
      for (Path file : files.sorted().toList()) {
        Matcher m = RULE_CLASS.matcher(Files.readString(file));
        if (m.find()) {
          classes.add(m.group(1));
        }
      }
    }
    return classes;
  }

  @Test
  void everyRuleClassIsRegisteredOnceAndTheGenericOneOncePerProblemCode() throws IOException {
    List<String> sources = ruleClassesInTheSources();
    assertTrue(sources.size() > 10 && sources.contains("MissingLimitsRule"), "the scan saw the rules: " + sources);
    List<String> registered = Rules.all().stream().map(rule -> rule.getClass().getSimpleName()).toList();
    for (String rule : sources) {
      long expected = rule.equals(ProblemCodeRule.class.getSimpleName()) ? ProblemCode.values().length : 1;
      assertEquals(expected, registered.stream().filter(rule::equals).count(),
          rule + " is registered " + expected + " time(s); a rule class needs a public constructor without parameters");
    }
    assertEquals(new HashSet<>(sources), new HashSet<>(registered));
  }

  @Test
  void problemCodesComeFirstThenTheRulesByDefaultSeverityThenId() {
    List<Rule> all = Rules.all();
    ProblemCode[] codes = ProblemCode.values();
    for (int i = 0; i < codes.length; i++) {
      assertEquals(codes[i].id(), all.get(i).id());
      assertSame(all.get(i), Rules.of(codes[i]));
    }
    List<Rule> others = all.subList(codes.length, all.size());
    List<Rule> sorted = others.stream()
        .sorted(Comparator.comparing(Rule::defaultSeverity).thenComparing(Rule::id)).toList();
    assertEquals(sorted, others);
  }

  @Test
  void eachRuleHasOneWellFormedIdAndADescription() {
    assertEquals(Rules.all().size(), new HashSet<>(Rules.ids()).size(), "ids are unique: " + Rules.ids());
    for (int i = 0; i < Rules.all().size(); i++) {
      Rule rule = Rules.all().get(i);
      assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), rule.id());
      assertSame(rule, Rules.byId(rule.id()).orElseThrow());
      assertEquals(i, Rules.index(rule));
      for (String text : List.of(rule.title(), rule.info().firesWhen(), rule.info().reportedAt())) {
        assertFalse(text.isBlank() || text.contains("\n") || text.contains("|"), rule.id() + ": " + text);
      }
    }
    assertEquals(Optional.empty(), Rules.byId("no-such-rule"));
  }
}
