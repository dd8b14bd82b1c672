package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.Finding;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Problem;
import dev.topo.model.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML fixture, broken at random in the ways hands and tools break YAML (lines lost,
 * doubled or swapped, a file cut short, indentation off, stray YAML punctuation, anchors and
 * aliases), read by both readers with every rule run on the result: nothing throws, every
 * span lies inside the text, and the whole batch ends well within a deadline that only a read
 * that hangs or goes exponential would miss (a few seconds on a loaded machine, most of them
 * snakeyaml's and the JIT's). A failure names the input's seed.
 */
@Slow
class MutatedYamlTest {
  private static final int INPUTS = 800;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final URI URI_ = URI.create("file:///ws/prod/mutated.yaml");
  private static final List<String> INSERTIONS = List.of(": ", "- ", "*x", "&x ", "{", "[", "}", "]", "? ", "!custom ",
      "!!binary ", "\n---\n", "<<: *x\n", "\"", "'", "# ", "\t", "&x {<<: *x}", "\uFEFF");

  private static List<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(TestFiles.repo().resolve("server/src/test/resources/yaml"))) {
      List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      List<String> texts = new ArrayList<>();
      for (Path file : yaml) {
        texts.add(Files.readString(file));
      }
      return texts;
    }
  }

  /** One to four random mutations of a text. */
  static String mutate(String text, Random random) {
    String mutated = text;
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      List<String> lines = new ArrayList<>(List.of(mutated.split("\n", -1)));
      int line = random.nextInt(lines.size());
      int other = random.nextInt(lines.size());
      int at = random.nextInt(mutated.length() + 1);
      switch (random.nextInt(7)) {
        case 0 -> lines.remove(line);
        case 1 -> lines.add(line, lines.get(line));
        case 2 -> {
          String swapped = lines.get(line);
          lines.set(line, lines.get(other));
          lines.set(other, swapped);
        }
        case 3 -> lines = new ArrayList<>(List.of(mutated.substring(0, at).split("\n", -1)));
        case 4 -> {
          String l = lines.get(line);
          int shift = random.nextInt(7) - 3;
          lines.set(line, shift >= 0 ? " ".repeat(shift) + l : l.substring(Math.min(l.length(), -shift)));
        }
        case 5 -> {
          // An anchor on a block and a merge of it among some lines: merges of merges, and of a block into itself.
          List<Integer> blocks = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(":")) {
              blocks.add(i);
            }
          }
          if (!blocks.isEmpty()) {
            int block = blocks.get(random.nextInt(blocks.size()));
            lines.set(block, lines.get(block) + " &x");
            String target = lines.get(other);
            lines.add(other, target.substring(0, target.length() - target.stripLeading().length()) + "<<: *x");
          }
        }
        default -> {
          String insert = INSERTIONS.get(random.nextInt(INSERTIONS.size()));
          lines = new ArrayList<>(List.of((mutated.substring(0, at) + insert + mutated.substring(at)).split("\n", -1)));
        }
      }
      mutated = String.join("\n", lines);
    }
    return mutated;
  }

  @Test
  void brokenFixturesAreReadWithoutAThrowableWithSpansInsideTheirTextAndInBoundedTime() throws IOException {
    List<String> fixtures = fixtures();
    assertTrue(fixtures.size() >= 7, "fixtures of both formats: " + fixtures.size());
    assertTimeoutPreemptively(DEADLINE, () -> {
      for (int seed = 0; seed < INPUTS; seed++) {
        String text = mutate(fixtures.get(seed % fixtures.size()), new Random(seed));
        try {
          readAll(text);
        } catch (Throwable t) {
          fail("seed " + seed + " threw " + t + " on:\n" + text, t);
        }
      }
    }, () -> INPUTS + " mutated fixtures took more than " + DEADLINE.toSeconds() + " s: a read hangs or explodes");
  }

  /** Manifests' look at the format, then each reader (whatever the look says), with every rule run on what it read. */
  private static void readAll(String text) {
    Manifests.format(text);
    Reading kubernetes = KubernetesReader.read(URI_, text, new KubernetesReader.Options("prod"));
    Reading compose = ComposeReader.read(URI_, text, ComposeReader.Options.host("docker-01"));
    for (FileModel model : List.of(kubernetes.model(), compose.model())) {
      model.problems().stream().map(Problem::span).forEach(span -> inside(span, text, model));
      model.declarations().forEach(entity -> inside(entity, text, model));
      ExpectMarkers.findings(model).stream().map(Finding::span).filter(s -> s.source().equals(URI_))
          .forEach(span -> inside(span, text, model));
    }
    kubernetes.skipped().forEach(s -> inside(s.span(), text, kubernetes.model()));
    compose.skipped().forEach(s -> inside(s.span(), text, compose.model()));
  }

  private static void inside(Entity entity, String text, FileModel model) {
    inside(model.span(entity), text, model);
    inside(model.span(entity.name()), text, model);
    entity.children().forEach(child -> inside(child, text, model));
  }

  private static void inside(Span span, String text, FileModel model) {
    if (span.start() < 0 || span.end() < span.start() || span.end() > text.length()) {
      fail(span + " lies outside the " + text.length() + " characters of the text; problems: " + model.problems());
    }
  }

  @Test
  void theMutationsBreakTheFixturesInManyWays() throws IOException {
    List<String> fixtures = fixtures();
    long broken = Stream.iterate(0, i -> i + 1).limit(200)
        .map(seed -> mutate(fixtures.get(seed % fixtures.size()), new Random(seed)))
        .filter(text -> !Manifests.read(URI_, text).problems().isEmpty()).count();
    assertTrue(broken > 50 && broken < 200, "a fuzz that breaks nothing, or only breaks, proves little: " + broken + " of 200");
  }
}
