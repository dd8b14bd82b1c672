package dev.topo.yaml;

import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.model.FileModel;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # expect: RULE-ID} markers of a YAML fixture, and the findings a model read from
 * it gives, both as "LINE rule-id" (lines from 1), to compare: the YAML counterpart of the
 * {@code .topo} samples' {@code // expect:}.
 */
public final class ExpectMarkers {
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)");

  private ExpectMarkers() {}

  /** "LINE rule-id" for each marker, sorted. */
  public static List<String> expected(String text) {
    List<String> expected = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.find()) {
        for (String rule : m.group(1).split(",")) {
          expected.add((i + 1) + " " + rule.trim());
        }
      }
    }
    return expected.stream().sorted().toList();
  }

  /** Every rule's findings on the model, as a program of its own. */
  static List<Finding> findings(FileModel model) {
    return new Checker(Rules.all(), Config.DEFAULT).check(Program.single(model), Cancellation.NONE);
  }

  /** "LINE rule-id" for each finding on the model, sorted. */
  static List<String> actual(FileModel model) {
    return findings(model).stream().map(f -> (model.lines().line(f.span().start()) + 1) + " " + f.rule().id())
        .sorted().toList();
  }
}
