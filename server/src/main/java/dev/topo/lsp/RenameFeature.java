package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Rename;
import dev.topo.ide.Snapshot;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
import dev.topo.workspace.TextDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Rename and {@code prepareRename} ({@link Rename}) in the protocol. A refusal is an error
 * response with the message the editor shows (an invalid name is the client's bad parameter;
 * anything else a failed request); nothing to rename answers null. Clients that take
 * {@code documentChanges} get edits pinned to the versions of the open documents that were
 * searched, so that a rename raced by an edit fails rather than lands in the wrong places.
 */
public final class RenameFeature {
  private RenameFeature() {}

  /** The name under the cursor and its text, or null when nothing there can be renamed. */
  public static Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepare(
      Snapshot snapshot, Position position) {
    return prepare(snapshot, position, KnowledgeBase.FALLBACK);
  }

  /** As {@link #prepare(Snapshot, Position)}, a refusal worded in a language ("en", "ko"). */
  public static Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepare(
      Snapshot snapshot, Position position, String locale) {
    OptionalInt offset = Locations.offset(snapshot, position);
    Optional<Rename.Preparation> found = offset.isEmpty() ? Optional.empty() : Rename.prepare(snapshot, offset.getAsInt());
    if (found.isEmpty()) {
      return null;
    }
    if (found.get() instanceof Rename.Refusal refusal) {
      throw refused(refusal, locale);
    }
    Rename.Renamable name = (Rename.Renamable) found.get();
    return Either3.forSecond(new PrepareRenameResult(Positions.range(snapshot.lines(), name.span()), name.name()));
  }

  /** The edits that rename what the cursor names, across the workspace; null when nothing is there. */
  public static WorkspaceEdit rename(Session session, Snapshot snapshot, Position position, String newName,
      Cancellation cancel) {
    OptionalInt offset = Locations.offset(snapshot, position);
    Optional<Rename.Outcome> found = offset.isEmpty() ? Optional.empty()
        : Rename.at(snapshot, offset.getAsInt(), newName, new SessionWorkspace(session), cancel);
    if (found.isEmpty()) {
      return null;
    }
    if (found.get() instanceof Rename.Refusal refusal) {
      throw refused(refusal, session.settings().locale());
    }
    return workspaceEdit(session, ((Rename.Edits) found.get()).documents());
  }

  private static WorkspaceEdit workspaceEdit(Session session, List<Rename.DocumentEdit> documents) {
    if (documentChanges(session.clientCapabilities())) {
      List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
      for (Rename.DocumentEdit document : documents) {
        List<Either<TextEdit, SnippetTextEdit>> textEdits = new ArrayList<>();
        textEdits(document).forEach(e -> textEdits.add(Either.forLeft(e)));
        changes.add(Either.forLeft(new TextDocumentEdit(
            new VersionedTextDocumentIdentifier(document.uri().toString(), version(session, document)), textEdits)));
      }
      return new WorkspaceEdit(changes);
    }
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (Rename.DocumentEdit document : documents) {
      changes.put(document.uri().toString(), textEdits(document));
    }
    return new WorkspaceEdit(changes);
  }

  private static List<TextEdit> textEdits(Rename.DocumentEdit document) {
    return document.spans().stream()
        .map(span -> new TextEdit(Positions.range(document.lines(), span), document.newText()))
        .toList();
  }

  /**
   * The version an edit of an open document applies to: the one whose text was searched. An
   * open document edited since then makes the rename stale, which the client must hear about
   * rather than have edits land in the wrong places. Files that are not open have no version.
   */
  private static Integer version(Session session, Rename.DocumentEdit document) {
    Optional<TextDocument> open = session.documents().get(document.uri());
    if (open.isEmpty()) {
      return null;
    }
    if (!open.get().text().equals(document.text())) {
      throw error(ResponseErrorCode.ContentModified, Message.of("rename.changed").text(session.settings().locale()));
    }
    return open.get().version();
  }

  static boolean documentChanges(ClientCapabilities client) {
    var workspace = client == null ? null : client.getWorkspace();
    return workspace != null && workspace.getWorkspaceEdit() != null
        && Boolean.TRUE.equals(workspace.getWorkspaceEdit().getDocumentChanges());
  }

  /** A refusal as the error the editor shows: a bad new name is the client's invalid parameter. */
  static ResponseErrorException refused(Rename.Refusal refusal, String locale) {
    return error(refusal.reason() == Rename.Reason.INVALID_NAME ? ResponseErrorCode.InvalidParams
        : ResponseErrorCode.RequestFailed, refusal.text().text(locale));
  }

  private static ResponseErrorException error(ResponseErrorCode code, String message) {
    return new ResponseErrorException(new ResponseError(code, message, null));
  }
}
