package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.topo.tools.TopologyGenerator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code semanticTokens/full/delta}: the edits, applied to what the client holds, give the new tokens. */
class TokenResultsTest {
  @TempDir
  Path dir;

  /** What a client does with a delta: applies its edits, from the last, to the data it holds. */
  static List<Integer> apply(List<Integer> held, List<SemanticTokensEdit> edits) {
    List<Integer> data = new ArrayList<>(held);
    for (int i = edits.size() - 1; i >= 0; i--) {
      SemanticTokensEdit edit = edits.get(i);
      data.subList(edit.getStart(), edit.getStart() + edit.getDeleteCount()).clear();
      data.addAll(edit.getStart(), edit.getData() == null ? List.of() : edit.getData());
    }
    return data;
  }

  @Test
  void theEditTurnsAnyDataIntoAnyOther() {
    Random random = new Random(11);
    for (int round = 0; round < 5_000; round++) {
      List<Integer> before = randomData(random);
      List<Integer> after = new ArrayList<>(before);
      // A few tokens inserted, removed or changed somewhere, as an edit of the text does.
      for (int change = random.nextInt(4); change > 0; change--) {
        int at = after.isEmpty() ? 0 : random.nextInt(after.size() + 1);
        switch (random.nextInt(3)) {
          case 0 -> {
            List<Integer> inserted = randomData(random);
            after.addAll(at, inserted.subList(0, Math.min(5, inserted.size())));
          }
          case 1 -> after.subList(at, Math.min(after.size(), at + 1 + random.nextInt(6))).clear();
          default -> {
            if (at < after.size()) {
              after.set(at, random.nextInt(4));
            }
          }
        }
      }
      List<SemanticTokensEdit> edits = TokenResults.edits(encoded(before), encoded(after));
      assertEquals(after, apply(before, edits), before + " -> " + after);
      assertTrue(edits.size() <= 1);
      assertEquals(before.equals(after), edits.isEmpty());
    }
  }

  private static EncodedTokens encoded(List<Integer> data) {
    EncodedTokens.Builder tokens = new EncodedTokens.Builder(0);
    data.forEach(tokens::append);
    return tokens.build();
  }

  /**
   * Data made of stretches, as the pieces of a document give it: some shared between the two
   * versions (the same array), some copies with the same values, some short ones copied.
   */
  @Test
  void theEditOfDataInSharedStretchesIsTheEditOfTheSameDataInOneArray() {
    Random random = new Random(33);
    for (int round = 0; round < 3_000; round++) {
      List<int[]> pieces = new ArrayList<>();
      for (int i = random.nextInt(8); i > 0; i--) {
        pieces.add(random.ints(random.nextInt(40), 0, 3).toArray());
      }
      List<int[]> changed = new ArrayList<>();
      for (int[] piece : pieces) {
        switch (random.nextInt(6)) {
          case 0 -> changed.add(piece.clone()); // the same values in another array
          case 1 -> changed.add(random.ints(random.nextInt(40), 0, 3).toArray());
          case 2 -> { } // left out
          default -> changed.add(piece);
        }
      }
      if (random.nextBoolean()) {
        changed.add(random.nextInt(changed.size() + 1), random.ints(random.nextInt(40), 0, 3).toArray());
      }
      EncodedTokens before = stretches(pieces, random);
      EncodedTokens after = stretches(changed, random);
      List<Integer> held = new ArrayList<>(before);
      assertEquals(before, encoded(held), "read across its stretches as one list");

      List<SemanticTokensEdit> edits = TokenResults.edits(before, after);

      assertEquals(TokenResults.edits(encoded(held), encoded(new ArrayList<>(after))), edits);
      assertEquals(new ArrayList<>(after), apply(held, edits));
    }
  }

  /** The pieces in order, each after a few integers of its own, as TokenPieces joins stretches. */
  private static EncodedTokens stretches(List<int[]> pieces, Random random) {
    EncodedTokens.Builder data = new EncodedTokens.Builder(0);
    for (int[] piece : pieces) {
      for (int i = random.nextInt(3); i > 0; i--) {
        data.append(random.nextInt(3));
      }
      data.append(piece, 0, piece.length);
    }
    return data.build();
  }

  private static List<Integer> randomData(Random random) {
    List<Integer> data = new ArrayList<>();
    for (int i = random.nextInt(40); i > 0; i--) {
      data.add(random.nextInt(4)); // few values, so that prefixes and suffixes overlap by chance
    }
    return data;
  }

  @Test
  void aKeystrokeSendsOnlyWhatChanged() throws Exception {
    URI uri = dir.resolve("big.topo").toUri();
    String text = new TopologyGenerator(5).single(2_000);
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      lsp.open(uri, text);
      TextDocumentIdentifier id = new TextDocumentIdentifier(uri.toString());
      SemanticTokens first = lsp.await(lsp.documents().semanticTokensFull(new SemanticTokensParams(id)));
      // A new block name in the middle: the tokens after it shift by a line, so only a delta
      // that is applied right gives the new data.
      int line = (int) text.substring(0, text.indexOf("host host-5 ")).chars().filter(c -> c == '\n').count();
      lsp.edit(uri, 2, line, 0, line, 0, "host added {\n  os linux\n}\n");
      Either<SemanticTokens, SemanticTokensDelta> delta =
          lsp.await(lsp.documents().semanticTokensFullDelta(new SemanticTokensDeltaParams(id, first.getResultId())));
      assertTrue(delta.isRight(), "a delta against the last result");
      SemanticTokens now = lsp.await(lsp.documents().semanticTokensFull(new SemanticTokensParams(id)));
      assertEquals(now.getData(), apply(first.getData(), delta.getRight().getEdits()));
      int sent = delta.getRight().getEdits().stream().mapToInt(e -> e.getData().size()).sum();
      assertTrue(sent < now.getData().size() / 20, "the delta carried " + sent + " of " + now.getData().size());
      assertNotEquals(first.getResultId(), delta.getRight().getResultId());

      Either<SemanticTokens, SemanticTokensDelta> unknown =
          lsp.await(lsp.documents().semanticTokensFullDelta(new SemanticTokensDeltaParams(id, "no-such-result")));
      assertTrue(unknown.isLeft(), "against a result it no longer holds, the server sends everything");
      assertEquals(now.getData(), unknown.getLeft().getData());
    }
  }

  @Test
  void theLaunchersWriterOfTokensWritesWhatGsonsReflectionWrites() {
    Random random = new Random(16);
    EncodedTokens.Builder built = new EncodedTokens.Builder(1);
    int[] shared = random.ints(100, 0, 40).toArray();
    for (int i = 0; i < 5_000; i++) {
      built.append(random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(40));
      if (i % 1_000 == 0) {
        built.append(shared, 3, 90);
      }
    }
    EncodedTokens data = built.build();
    SemanticTokens tokens = new SemanticTokens("7", data);
    SemanticTokens boxed = new SemanticTokens("7", new ArrayList<>(data));
    Gson server = RenderedSymbolTest.launchersHandler().getGson();
    String reflective = GsonHooks.Plain.GSON.toJson(boxed);
    assertEquals(reflective, server.toJson(tokens), "onto another writer");
    ResponseMessage response = new ResponseMessage();
    response.setId(5);
    response.setResult(tokens);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    new BufferedMessageConsumer(sent, RenderedSymbolTest.launchersHandler()).consume(response);
    assertTrue(sent.toString(StandardCharsets.UTF_8).endsWith("\"result\":" + reflective + "}"), "onto the outgoing buffer");
    assertEquals(GsonHooks.Plain.GSON.toJson(new SemanticTokens("7", List.of())),
        server.toJson(new SemanticTokens("7", new EncodedTokens.Builder(0).build())));
    assertEquals(GsonHooks.Plain.GSON.toJson(new SemanticTokens(List.of(1, 2))),
        server.toJson(new SemanticTokens(encoded(List.of(1, 2)))), "without a result id");
  }

  /**
   * Gson writes a field declared as a list of integers with its list adapter, whatever the
   * list's runtime type, boxing each integer: the writer must take the whole answer, which a
   * Gson that fails on any boxed integer shows.
   */
  @Test
  void theLaunchersWriterOfTokensBoxesNoInteger() throws Exception {
    TypeAdapter<Integer> refusing = new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, Integer value) {
        throw new AssertionError("a boxed integer written: " + value);
      }

      @Override
      public Integer read(JsonReader in) {
        throw new UnsupportedOperationException();
      }
    };
    Gson gson = new GsonBuilder().registerTypeAdapterFactory(EncodedTokens.WRITER)
        .registerTypeAdapter(Integer.class, refusing).create();
    SemanticTokens tokens = new SemanticTokens("8", encoded(List.of(12, -3)));
    String expected = "{\"resultId\":\"8\",\"data\":[12,-3]}";
    assertEquals(expected, gson.toJson(tokens), "onto another writer");
    Utf8Buffer buffer = new Utf8Buffer(16);
    gson.toJson(tokens, SemanticTokens.class, new Utf8JsonWriter(buffer));
    buffer.flush();
    assertEquals(expected, buffer.toString(), "onto the outgoing buffer");
  }
}
