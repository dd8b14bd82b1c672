package dev.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Parts of committed docs that are generated from the code, between two marker comments. A test
 * compares the file with what the code makes of it, and {@code -Dtopo.updateDocs=true} rewrites it.
 */
public final class GeneratedRegions {
  private GeneratedRegions() {}

  /** The text with what lies between {@code start} and {@code end} replaced by {@code content}; both markers stay. */
  public static String fill(String text, String start, String end, String content) {
    int from = text.indexOf(start);
    int to = text.indexOf(end, Math.max(from, 0));
    assertTrue(from >= 0 && to > from, "the text has lost the comments around a generated region: " + start.strip());
    return text.substring(0, from + start.length()) + content + text.substring(to);
  }

  /** Fails when a file of the repository differs from what {@code generate} makes of it, after rewriting it when asked to. */
  public static void assertCurrent(String file, UnaryOperator<String> generate, String staleMessage) throws IOException {
    Path path = TestFiles.repo().resolve(file);
    String committed = Files.readString(path, StandardCharsets.UTF_8);
    String generated = generate.apply(committed);
    if (Boolean.getBoolean("topo.updateDocs") && !generated.equals(committed)) {
      Files.writeString(path, generated, StandardCharsets.UTF_8);
      committed = generated;
    }
    assertEquals(generated, committed, file + staleMessage);
  }
}
