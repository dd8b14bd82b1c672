package dev.topo.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The last semantic tokens sent for each document, under a result id, so that the next
 * request ({@code semanticTokens/full/delta}) is answered with what changed: a keystroke
 * changes a few tokens of a 50,000-line file, and the client need not receive and decode
 * all of them again. The edit is the one stretch between the unchanged start and end.
 */
final class TokenResults {
  private record Sent(String id, EncodedTokens data) {}

  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** The whole data, under a new result id. */
  SemanticTokens full(String uri, EncodedTokens data) {
    String id = Long.toString(ids.incrementAndGet());
    sent.put(uri, new Sent(id, data));
    return new SemanticTokens(id, data);
  }

  /** What changed since the result {@code previous}, or the whole data when that is not the last one sent. */
  Either<SemanticTokens, SemanticTokensDelta> delta(String uri, String previous, EncodedTokens data) {
    Sent last = sent.get(uri);
    if (last == null || !last.id().equals(previous)) {
      return Either.forLeft(full(uri, data));
    }
    SemanticTokens now = full(uri, data);
    return Either.forRight(new SemanticTokensDelta(edits(last.data(), data), now.getResultId()));
  }

  /** One edit from {@code before} to {@code after}, or none when they are equal. */
  static List<SemanticTokensEdit> edits(EncodedTokens before, EncodedTokens after) {
    int prefix = before.commonPrefix(after);
    if (prefix == before.size() && prefix == after.size()) {
      return List.of();
    }
    int suffix = before.commonSuffix(after, Math.min(before.size(), after.size()) - prefix);
    return List.of(new SemanticTokensEdit(prefix, before.size() - prefix - suffix,
        List.copyOf(after.subList(prefix, after.size() - suffix))));
  }

  void forget(String uri) {
    sent.remove(uri);
  }
}
