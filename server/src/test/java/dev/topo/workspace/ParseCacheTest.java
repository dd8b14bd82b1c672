package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.topo.model.FileModel;
import dev.topo.syntax.DocumentSyntax;
import java.net.URI;
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
}
