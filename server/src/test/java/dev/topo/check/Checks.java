package dev.topo.check;

import dev.topo.check.rules.Rules;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.util.List;

/** Short ways to check a text in tests. */
final class Checks {
  private Checks() {}

  static List<Finding> check(String text) {
    return check(text, Config.DEFAULT);
  }

  static List<Finding> check(String text, Config config) {
    MemorySources sources = new MemorySources().with("main.topo", text);
    return new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), config))
        .analyze(MemorySources.uri("main.topo"), text, Cancellation.NONE).findings();
  }

  /** "rule: message" for each finding of the given rule. */
  static List<String> messages(String text, String rule) {
    return check(text).stream().filter(f -> f.rule().id().equals(rule)).map(Finding::message).toList();
  }
}
