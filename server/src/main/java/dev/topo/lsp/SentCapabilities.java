package dev.topo.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.NotebookDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/**
 * The client's capabilities as the JSON it sent, read into LSP4J's classes when first asked
 * for. Gson reads {@code ClientCapabilities} by reflection over some 200 classes, whatever the
 * client sent, and making those readers cost a plain start some 50 ms before it could answer
 * {@code initialize}, or after it, the first message. What the answer, the start of the
 * workspace and the outline depend on is read from the JSON ({@link #at}, {@link #isTrue});
 * every getter reads the whole once, on first call (a completion's snippets, a rename's
 * document changes), and the server calls one on a thread of its own a second after the start.
 */
final class SentCapabilities extends ClientCapabilities {
  private final JsonObject json;
  private final DeferredRpc.Once<ClientCapabilities> whole;

  private SentCapabilities(JsonObject json, Supplier<TypeAdapter<ClientCapabilities>> reader) {
    this.json = json;
    this.whole = new DeferredRpc.Once<>(() -> reader.get().fromJsonTree(json));
  }

  /**
   * These capabilities as sent, for capabilities made another way (a test's, or the
   * launcher's Gson without {@link #READER}): as LSP4J's Gson writes them.
   */
  static SentCapabilities of(ClientCapabilities capabilities) {
    if (capabilities instanceof SentCapabilities sent) {
      return sent;
    }
    // None sent (a client that left them out) is an empty object: no Gson is needed until a getter asks.
    JsonObject written = capabilities == null ? new JsonObject()
        : GsonHooks.Plain.GSON.toJsonTree(capabilities).getAsJsonObject();
    return new SentCapabilities(written, () -> GsonHooks.Plain.GSON.getAdapter(ClientCapabilities.class));
  }

  /** What the client sent at this path, as in {@code at("textDocument", "diagnostic")}; empty for none or null. */
  Optional<JsonElement> at(String... path) {
    JsonElement at = json;
    for (String name : path) {
      if (!(at instanceof JsonObject object) || !object.has(name)) {
        return Optional.empty();
      }
      at = object.get(name);
    }
    return at.isJsonNull() ? Optional.empty() : Optional.of(at);
  }

  /** Whether the client sent a value (not null) at this path. */
  boolean has(String... path) {
    return at(path).isPresent();
  }

  /** Whether the client sent {@code true} at this path. */
  boolean isTrue(String... path) {
    return at(path).filter(v -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && v.getAsBoolean())
        .isPresent();
  }

  /** Whether the whole has been read. */
  boolean readWhole() {
    return whole.done();
  }

  /** Reads the whole now, if not yet read. */
  ClientCapabilities whole() {
    return whole.get();
  }

  @Override
  public WorkspaceClientCapabilities getWorkspace() {
    return whole.get().getWorkspace();
  }

  @Override
  public TextDocumentClientCapabilities getTextDocument() {
    return whole.get().getTextDocument();
  }

  @Override
  public NotebookDocumentClientCapabilities getNotebookDocument() {
    return whole.get().getNotebookDocument();
  }

  @Override
  public WindowClientCapabilities getWindow() {
    return whole.get().getWindow();
  }

  @Override
  public GeneralClientCapabilities getGeneral() {
    return whole.get().getGeneral();
  }

  @Override
  public Object getExperimental() {
    return whole.get().getExperimental();
  }

  @Override
  public String toString() {
    return whole.get().toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientCapabilities c && whole.get().equals(
        c instanceof SentCapabilities sent ? sent.whole.get() : c);
  }

  @Override
  public int hashCode() {
    return whole.get().hashCode();
  }

  /**
   * Reads {@code ClientCapabilities} as {@link SentCapabilities}, registered on the launcher's
   * Gson; writes them as Gson would (the server never sends them).
   */
  static final TypeAdapterFactory READER = GsonHooks.forClass(ClientCapabilities.class, (gson, gsons) ->
      new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, ClientCapabilities value) throws IOException {
          gsons.get().write(out, value instanceof SentCapabilities sent ? sent.whole() : value);
        }

        @Override
        public ClientCapabilities read(JsonReader in) throws IOException {
          JsonElement sent = gson.getAdapter(JsonElement.class).read(in);
          if (!sent.isJsonObject()) {
            return gsons.get().fromJsonTree(sent); // null, or Gson's own complaint
          }
          return new SentCapabilities(sent.getAsJsonObject(), gsons);
        }
      });
}
