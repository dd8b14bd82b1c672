package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.GeneratedRegions;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference's lists of keywords and of where each statement is allowed are generated from
 * the vocabulary, between marker comments in docs/language.md; a stale copy fails here, and
 * {@code -Dtopo.updateDocs=true} rewrites it.
 */
class VocabularyListingsTest {
  private static final String LANGUAGE = "docs/language.md";
  private static final String MARK = "<!-- Generated from the vocabulary (VocabularyListingsTest; mvn -B verify"
      + " -Dtopo.updateDocs=true): ";

  @Test
  void theReferenceListsTheVocabulary() throws Exception {
    GeneratedRegions.assertCurrent(LANGUAGE, text -> fill(fill(text, "keywords", keywords()), "placement", placement()),
        " lists another language than the vocabulary: run mvn -B verify -Dtopo.updateDocs=true");
  }

  @Test
  void aRegionIsReplacedWholeAndTheRestKept() {
    String text = "a\n" + MARK + "keywords. -->\nold\n<!-- End of the generated keywords. -->\nb\n";
    assertEquals("a\n" + MARK + "keywords. -->\nnew\n<!-- End of the generated keywords. -->\nb\n",
        fill(text, "keywords", "new\n"));
  }

  private static String fill(String text, String region, String content) {
    return GeneratedRegions.fill(text, MARK + region + ". -->\n", "<!-- End of the generated " + region + ". -->", content);
  }

  private static String keywords() {
    return "These " + Keyword.values().length + " words are keywords:\n\n`"
        + Stream.of(Keyword.values()).map(Keyword::word).collect(Collectors.joining(" ")) + "`\n";
  }

  /** One row per set of places, in the vocabulary's order; the statements allowed in the same places share a row. */
  private static String placement() {
    Map<List<Boolean>, List<String>> rows = new LinkedHashMap<>();
    for (Keyword k : Keyword.values()) {
      List<Boolean> where = new ArrayList<>();
      where.add(k.allowedIn(null));
      for (EntityKind kind : EntityKind.values()) {
        where.add(k.allowedIn(kind));
      }
      rows.computeIfAbsent(where, w -> new ArrayList<>()).add("`" + k.word() + "`");
    }
    StringBuilder out = new StringBuilder("| statement | top of file");
    for (EntityKind kind : EntityKind.values()) {
      out.append(" | ").append(kind.keyword());
    }
    out.append(" |\n| ---").append(" | :-:".repeat(EntityKind.values().length + 1)).append(" |\n");
    rows.forEach((where, words) -> {
      out.append("| ").append(String.join(", ", words));
      where.forEach(allowed -> out.append(allowed ? " | ✓" : " | "));
      out.append(" |\n");
    });
    List<String> repeatable = Stream.of(Keyword.values()).filter(Keyword::repeatable).map(k -> "`" + k.word() + "`").toList();
    return out.append("\nThese statements may be repeated in a block: ").append(String.join(", ", repeatable))
        .append(". Every other statement may be given at most once per block. When one is given twice, the")
        .append(" second is reported and the first counts.\n").toString();
  }
}
