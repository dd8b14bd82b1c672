package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.model.FileModel;
import dev.topo.model.Limits;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.TopologySyntax;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The cache parses each version once, and the syntax it hands out is that parse's. */
class ParseCacheTest {
  static final URI URI_ = URI.create("file:///ws/main.topo");
  static final String TEXT = "host a { os linux }\n\nhost b { os linux }\n";

  @Test
  void aVersionIsParsedOnceAndItsSyntaxIsThatParse() {
    ParseCache cache = new ParseCache();
    FileModel model = cache.get(URI_, TEXT);
    assertSame(model, cache.get(URI_, new String(TEXT)));
    DocumentSyntax syntax = cache.syntax(model);
    assertSame(syntax, cache.syntax(model));
    assertEquals(2, syntax.statements().top().size());
    assertEquals(new ParseCache.Parses(1, 0), cache.parses());
  }

  @Test
  void anEditInsideABlockIsCountedAsIncrementalAndAnEditAcrossBlocksAsFull() {
    ParseCache cache = new ParseCache();
    cache.get(URI_, TEXT);
    cache.get(URI_, TEXT.replace("host a { os linux }", "host a { os windows }"));
    assertEquals(new ParseCache.Parses(1, 1), cache.parses());
    cache.get(URI_, "host a { os linux }");
    assertEquals(new ParseCache.Parses(2, 1), cache.parses());
  }

  /**
   * After a keystroke the analysis and the requests that read only the parse ask for the new
   * text at once: one of them parses it, the others wait for that parse and share its model.
   */
  @Test
  void threadsAskingForTheSameNewVersionAtOnceShareOneParse() throws Exception {
    String blocks = "host h { os linux\n  cpu 8\n}\n".repeat(2_000);
    ParseCache cache = new ParseCache();
    cache.get(URI_, blocks);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int edit = 1; edit <= 20; edit++) {
        String edited = blocks.replaceFirst("cpu 8", "cpu " + (8 + edit));
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<FileModel>> models = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          models.add(threads.submit(() -> {
            together.await();
            return cache.get(URI_, edited);
          }));
        }
        Set<FileModel> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Future<FileModel> model : models) {
          distinct.add(model.get());
        }
        assertEquals(1, distinct.size(), "one model for the four threads");
        assertEquals(new ParseCache.Parses(1, edit), cache.parses(), "edit " + edit + " parsed once");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aVersionTheCacheNoLongerHoldsIsParsedOnlyWhenItsSyntaxIsRead() {
    ParseCache cache = new ParseCache();
    FileModel old = cache.get(URI_, TEXT);
    cache.get(URI_, TEXT.replace("host b", "host c"));
    DocumentSyntax syntax = cache.syntax(old);
    assertEquals(new ParseCache.Parses(1, 1), cache.parses());
    assertEquals(TEXT, syntax.text());
    assertEquals("host", syntax.statements().top().get(1).keyword());
    assertEquals(new ParseCache.Parses(2, 1), cache.parses());
  }

  @Test
  void aCacheOfModelsOnlyParsesASyntaxWhenItIsRead() {
    ParseCache cache = ParseCache.modelsOnly();
    FileModel model = cache.get(URI_, TEXT);
    DocumentSyntax syntax = cache.syntax(model);
    assertEquals(new ParseCache.Parses(1, 0), cache.parses());
    assertEquals(2, syntax.statements().top().size());
    assertEquals(new ParseCache.Parses(2, 0), cache.parses());
    cache.get(URI_, TEXT.replace("host a { os linux }", "host a { os windows }"));
    assertEquals(new ParseCache.Parses(2, 1), cache.parses());
  }

  /**
   * A file just under the token limit stays under it as one block is edited, and an edit that
   * takes it past the limit is parsed whole, which refuses it, instead of slipping through as
   * a re-parsed block.
   */
  @Test
  @Slow
  void anEditOfOneBlockCannotTakeAFilePastTheTokenLimitUnseen() {
    ParseCache cache = new ParseCache();
    String base = "host a{}".repeat(199_990) + "host b {\n}\n";
    String line = "  // c\n";
    int inside = base.length() - 2;
    long tokens = TopologySyntax.tokenCount(base);
    long perLine = TopologySyntax.tokenCount(base.substring(0, inside) + line + base.substring(inside)) - tokens;
    long room = (Limits.MAX_TOKENS - tokens) / perLine;
    assertTrue(room > 1, "the file is a few lines under the limit: " + room);
    assertEquals(List.of(), problems(cache.get(URI_, base)));
    String under = base.substring(0, inside) + line.repeat((int) room) + base.substring(inside);
    assertEquals(List.of(), problems(cache.get(URI_, under)), room + " lines more: still under the limit");
    assertEquals(new ParseCache.Parses(1, 1), cache.parses());
    String over = under.substring(0, inside) + line + under.substring(inside);
    assertTrue(TopologySyntax.tokenCount(over) > Limits.MAX_TOKENS);
    assertEquals(List.of(ProblemCode.ANALYSIS_LIMIT), problems(cache.get(URI_, over)), "one more: over the limit");
    assertEquals(new ParseCache.Parses(2, 1), cache.parses());
  }

  private static List<ProblemCode> problems(FileModel model) {
    return model.problems().stream().map(Problem::code).toList();
  }
}
