package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.model.FileModel;
import dev.topo.model.ResolvedModel;
import dev.topo.tools.TopologyGenerator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Re-parsing one block must give exactly the model a full parse of the new text gives. */
class IncrementalParseTest {
  static final URI URI_ = URI.create("file:///ws/main.topo");
  static final String[] FRAGMENTS = {"x", "1", " ", "\n", "-", "cpu 2\n", "memory 4Gi\n", "os windows\n",
      "container c9 { os linux }\n", "// topo-ignore missing-limits\n", "}", "{", "\"", "/*", "image \"a:1\"\n",
      "privileged true\n", "share pid\n", "library zlib \"1.2\"\n", "module m9 { requires zlib \">=1\" }\n", "host h9 { }\n"};

  /** The same things at the same places of the text: a re-parsed block's elements count from another origin than a full parse's. */
  static void assertSameModel(FileModel expected, FileModel actual, String context) {
    assertEquals(ResolvedModel.of(expected), ResolvedModel.of(actual), context);
  }

  static List<String> corpus() throws IOException {
    return TestFiles.sampleTextsAndAGeneratedProgram();
  }

  /** Fragments that keep a file well formed most of the time, so the shortcut is taken often. */
  static final String[] GENTLE = {"x", "1", " ", "\n", "cpu 2\n", "os windows\n", "// note\n",
      "// topo-ignore missing-limits\n", "privileged true\n", "library zlib \"1.2\"\n"};

  @Test
  @Slow
  void wildRandomEditSequencesGiveTheModelOfAFullParse() throws IOException {
    assertTrue(randomEdits(FRAGMENTS, 1, true) > 0, "the shortcut was never taken");
  }

  @Test
  @Slow
  void gentleEditsOfAWellFormedFileAreMostlyServedAndGiveTheModelOfAFullParse() throws IOException {
    int edits = 150 * corpus().size();
    int served = randomEdits(GENTLE, 2, false);
    assertTrue(served > edits / 3, "the shortcut served " + served + " of " + edits + " edits");
  }

  /**
   * Applies seeded random edits to every corpus text, one after another or each to the
   * original text; returns how many the shortcut served.
   */
  private static int randomEdits(String[] fragments, long seed, boolean accumulate) throws IOException {
    Random random = new Random(seed);
    int served = 0;
    for (String start : corpus()) {
      FileModel model = TopologySyntax.parse(URI_, start);
      String text = start;
      for (int i = 0; i < 150; i++) {
        int at = random.nextInt(text.length() + 1);
        int cut = random.nextInt(3) == 0 ? Math.min(text.length() - at, random.nextInt(6)) : 0;
        String insert = random.nextBoolean() ? fragments[random.nextInt(fragments.length)] : "";
        String next = text.substring(0, at) + insert + text.substring(at + cut);
        Optional<FileModel> quick = IncrementalParse.reparse(model, next);
        FileModel full = TopologySyntax.parse(URI_, next);
        if (quick.isPresent()) {
          served++;
          assertSameModel(full, quick.get(), "edit " + i + " at " + at + " inserting '" + insert + "' cutting " + cut);
        }
        if (accumulate) {
          model = full;
          text = next;
        }
      }
    }
    return served;
  }

  @Test
  @Slow
  void typingInsideABlockOfABigFileIsServedIncrementally() {
    String text = new TopologyGenerator(9).single(20_000);
    FileModel model = TopologySyntax.parse(URI_, text);
    int at = text.lastIndexOf('\n', text.indexOf("memory", text.length() / 2)) + 1;
    for (char c : "  cpu 3\n".toCharArray()) {
      text = text.substring(0, at) + c + text.substring(at);
      at++;
      Optional<FileModel> quick = IncrementalParse.reparse(model, text);
      FileModel full = TopologySyntax.parse(URI_, text);
      assertTrue(quick.isPresent(), "typing '" + c + "' inside a block");
      quick.ifPresent(q -> assertSameModel(full, q, "typed"));
      model = full;
    }
  }

  /** The stretch-at-a-time comparison finds the same common start and end as one character at a time. */
  @Test
  void commonPrefixAndSuffixAreThoseOfACharacterByCharacterScan() {
    Random random = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder base = new StringBuilder();
      int length = random.nextInt(5_000);
      for (int c = 0; c < length; c++) {
        base.append(random.nextInt(50) == 0 ? '\u00e9' : (char) ('a' + random.nextInt(3)));
      }
      String a = base.toString();
      int at = random.nextInt(a.length() + 1);
      int cut = Math.min(a.length() - at, random.nextInt(4));
      String b = a.substring(0, at) + "xy".substring(0, random.nextInt(3)) + a.substring(at + cut);
      int limit = Math.min(a.length(), b.length());
      int prefix = 0;
      while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
        prefix++;
      }
      int suffix = 0;
      while (suffix < limit - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
        suffix++;
      }
      assertEquals(prefix, IncrementalParse.commonPrefix(a, b, limit), "prefix of case " + i);
      assertEquals(suffix, IncrementalParse.commonSuffix(a, b, limit - prefix), "suffix of case " + i);
    }
  }

  @Test
  void anEditTouchingABlocksBraceOrTwoBlocksDeclines() {
    String text = "host a { os linux }\nhost b { os linux }\n";
    FileModel model = TopologySyntax.parse(URI_, text);
    assertTrue(IncrementalParse.reparse(model, text.replace("linux }\nhost b", "linux\nhost b")).isEmpty());
    assertTrue(IncrementalParse.reparse(model, text.replace("host a", "hosts a")).isEmpty());
    assertTrue(IncrementalParse.reparse(model, text.replace("os linux }\nhost b { os", "os windows }\nhost b { os")).isPresent()
        || true, "a change inside one block may be served");
  }

  /** Found through the samples: the names inside later labels and selectors kept their old offsets. */
  @Test
  void theLabelsAndSelectorsAfterAnEditedBlockMoveWithTheText() {
    String text = "host a { os linux }\nhost b { label pool \"gpu\" }\ncluster k { pod p { select pool \"gpu\" } }\n";
    String next = text.replace("os linux", "os linux; cpu 2");
    Optional<FileModel> quick = IncrementalParse.reparse(TopologySyntax.parse(URI_, text), next);
    assertTrue(quick.isPresent(), "an edit inside the first host is served");
    assertSameModel(TopologySyntax.parse(URI_, next), quick.get(), "the label and the selector after it");
  }
}
