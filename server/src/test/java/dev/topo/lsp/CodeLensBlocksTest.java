package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.ide.Snapshot;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.TextDocument;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code lenses made block by block after each edit ({@link BlockRenders}) are, on the wire, the lenses made whole. */
class CodeLensBlocksTest {
  private static final URI MAIN = MemorySources.uri("main.topo");
  private static final Gson JSON = new MessageJsonHandler(Map.of()).getGson();

  /** A version analysed as the server analyses it: with this parse cache (incrementally where it can). */
  private static Snapshot snapshot(String text, int version, ParseCache cache) {
    var analysis = new Analyzer(new MemorySources().with("main.topo", text), cache, MemorySources.ROOT,
        new Checker(Rules.all(), Config.DEFAULT)).analyze(MAIN, text, Cancellation.NONE);
    return new Snapshot(new TextDocument(MAIN, version, text), analysis, 0, cache::syntax);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void theLensesMadeBlockByBlockAreTheLensesMadeWholeAfterEveryEdit(long seed) {
    EditSequence edits = new EditSequence(seed, new TopologyGenerator(seed).single(800));
    ParseCache cache = new ParseCache();
    BlockRenders<RenderedLenses> blocks = new BlockRenders<>(uri -> true);
    Set<CodeLens> before = Set.of();
    int lenses = 0;
    int reused = 0;
    for (int version = 1; version <= 80; version++) {
      String text = edits.next();
      List<CodeLens> cached = CodeLensFeature.codeLenses(snapshot(text, version, cache), "en", Cancellation.NONE, blocks);
      List<CodeLens> whole = CodeLensFeature.codeLenses(snapshot(text, version, new ParseCache()), "en", Cancellation.NONE);
      assertEquals(JSON.toJson(whole), JSON.toJson(cached), "version " + version);
      Set<CodeLens> now = Collections.newSetFromMap(new IdentityHashMap<>());
      now.addAll(cached);
      lenses += now.size();
      reused += (int) now.stream().filter(before::contains).count();
      before = now;
    }
    // Without reuse the test above would pass with no blocks kept at all: most lenses must come from them.
    assertTrue(reused > lenses / 2, reused + " of " + lenses + " lenses reused");
  }

  @Test
  void aClustersLensFollowsItsNodesThoughItsOwnTextStaysTheSame() {
    String cluster = "cluster k { nodes n\n  pod p { container c { os linux; image \"c:1\"; cpu 1; memory 1Gi } } }\n";
    String text = "host n { os linux; cpu 4; memory 8GiB; runtime containerd }\n" + cluster;
    BlockRenders<RenderedLenses> blocks = new BlockRenders<>(uri -> true);
    String edited = text.replace("cpu 4", "cpu 8");
    CodeLensFeature.codeLenses(snapshot(text, 1, new ParseCache()), "en", Cancellation.NONE, blocks);
    List<CodeLens> after = CodeLensFeature.codeLenses(snapshot(edited, 2, new ParseCache()), "en", Cancellation.NONE, blocks);
    List<String> titles = after.stream().map(lens -> lens.getCommand().getTitle()).collect(Collectors.toList());
    assertEquals(CodeLensFeature.codeLenses(snapshot(edited, 2, new ParseCache()), "en", Cancellation.NONE).stream()
        .map(lens -> lens.getCommand().getTitle()).toList(), titles);
    assertTrue(titles.get(1).contains("8"), titles.toString());
  }

  @Test
  void lensesMadeInAnotherLocaleAreNotReused() {
    String text = "host n { os linux; cpu 4; memory 8GiB; container c { os linux; image \"c:1\"; cpu 1; memory 1Gi } }\n";
    BlockRenders<RenderedLenses> blocks = new BlockRenders<>(uri -> true);
    Snapshot snapshot = snapshot(text, 1, new ParseCache());
    String english = CodeLensFeature.codeLenses(snapshot, "en", Cancellation.NONE, blocks).get(0).getCommand().getTitle();
    String korean = CodeLensFeature.codeLenses(snapshot, "ko", Cancellation.NONE, blocks).get(0).getCommand().getTitle();
    assertEquals(CodeLensFeature.codeLenses(snapshot, "ko", Cancellation.NONE).get(0).getCommand().getTitle(), korean);
    assertTrue(!english.equals(korean), english + " / " + korean);
  }

  /** On the wire, a document's stored lenses, moved ones and a block without any among them, are what Gson's reflection writes of them. */
  @Test
  void theLauncherSendsTheStoredLensesAsGsonWritesThem() {
    RenderedLenses one = RenderedLenses.of(List.of(lens(2, "\ucee8\ud14c\uc774\ub108 \"2\" \\ \u2028 \ud83d\ude80")));
    RenderedLenses two = RenderedLenses.of(List.of(lens(5, "a"), lens(7, "b")));
    RenderedLenses.All all = new RenderedLenses.All(List.of(one, RenderedLenses.of(List.of()), two.moved(3), one));
    ResponseMessage response = new ResponseMessage();
    response.setId(4);
    response.setResult(all);
    MessageJsonHandler server = RenderedSymbolTest.launchersHandler();
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    new BufferedMessageConsumer(sent, server).consume(response);
    String expected = JSON.toJson(new ArrayList<>(all));
    assertTrue(expected.contains("\"line\":10"), expected);
    assertTrue(sent.toString(StandardCharsets.UTF_8).endsWith("\"result\":" + expected + "}"), sent::toString);
    assertEquals(expected, server.getGson().toJson(all), "onto another writer");
  }

  private static CodeLens lens(int line, String title) {
    return new CodeLens(new Range(new Position(line, 0), new Position(line + 1, 1)), new Command(title, ""), null);
  }
}
