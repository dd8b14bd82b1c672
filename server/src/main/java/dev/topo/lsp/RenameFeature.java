package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.Renames;
import dev.topo.workspace.Target;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Rename, with {@code prepareRename}. Every block can be renamed from its name; hosts and VMs
 * also from a {@code nodes} entry, and renaming one edits every {@code nodes} entry of the
 * workspace that resolves to it (each file seen as the root of its own program, so a file
 * that imports the declaration is edited and a file with a host of the same name of its own
 * is not). Containers, modules, clusters and pods have no references: only the declaration
 * changes.
 *
 * <p>Refusals are errors with a message the editor shows: a name that is not an identifier,
 * a name already taken in the entity's scope (in the current program, or in any workspace
 * program that includes the declaration), a library name (libraries are named by their
 * distribution, not by the topology), a reference to nothing. A keyword or blank space has
 * nothing to rename and answers null.
 */
public final class RenameFeature {
  private RenameFeature() {}

  public static boolean clientPrepares(ClientCapabilities client) {
    var text = client == null ? null : client.getTextDocument();
    return text != null && text.getRename() != null && Boolean.TRUE.equals(text.getRename().getPrepareSupport());
  }

  /** The name under the cursor and its text, or null when nothing there can be renamed. */
  public static Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepare(
      Snapshot snapshot, Position position) {
    Optional<Target> target = Locations.target(snapshot, position);
    if (target.isEmpty()) {
      return null;
    }
    return renamable(snapshot.analysis().program(), target.get())
        .map(entity -> Either3.<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
            new PrepareRenameResult(Positions.range(snapshot.lines(), target.get().span()), entity.name().text())))
        .orElse(null);
  }

  /** The edits that rename what the cursor names, across the workspace; null when nothing is there. */
  public static WorkspaceEdit rename(Session session, Snapshot snapshot, Position position, String newName,
      Cancellation cancel) {
    Optional<Target> target = Locations.target(snapshot, position);
    if (target.isEmpty()) {
      return null;
    }
    Program program = snapshot.analysis().program();
    Optional<Entity> found = renamable(program, target.get());
    if (found.isEmpty()) {
      return null;
    }
    Entity entity = found.get();
    Renames.invalidName(newName).ifPresent(message -> refuse(ResponseErrorCode.InvalidParams, message));
    if (newName.equals(entity.name().text())) {
      return new WorkspaceEdit(new LinkedHashMap<>());
    }
    Renames.collision(program, entity, newName).ifPresent(message -> refuse(ResponseErrorCode.RequestFailed, message));
    WorkspaceSearch search = new WorkspaceSearch(session, snapshot, cancel);
    if (entity.kind().isGloballyNamed()) {
      // Another file may import the declaration and already use the new name.
      search.forEachProgram(newName, other -> {
        if (WorkspaceSearch.includes(other, entity)) {
          Renames.collision(other, entity, newName).ifPresent(message -> refuse(ResponseErrorCode.RequestFailed, message));
        }
      });
    }

    Map<URI, FileEdits> edits = new LinkedHashMap<>();
    fileOf(program, entity.span()).ifPresent(file -> edit(edits, file, entity.name().span()));
    for (WorkspaceSearch.Found ref : search.nodeReferences(entity)) {
      edit(edits, ref.file(), ref.name().span());
    }
    return workspaceEdit(session, edits, newName);
  }

  /** The edits of one file: its model (text, lines) and the places of the old name. */
  private record FileEdits(FileModel file, Map<Integer, Span> spans) {}

  private static void edit(Map<URI, FileEdits> edits, FileModel file, Span span) {
    edits.computeIfAbsent(file.uri().normalize(), k -> new FileEdits(file, new LinkedHashMap<>()))
        .spans().putIfAbsent(span.start(), span);
  }

  private static WorkspaceEdit workspaceEdit(Session session, Map<URI, FileEdits> edits, String newName) {
    if (documentChanges(session.clientCapabilities())) {
      List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
      for (FileEdits file : edits.values()) {
        List<Either<TextEdit, SnippetTextEdit>> textEdits = new ArrayList<>();
        textEdits(file, newName).forEach(e -> textEdits.add(Either.forLeft(e)));
        changes.add(Either.forLeft(new TextDocumentEdit(
            new VersionedTextDocumentIdentifier(file.file().uri().toString(), version(session, file.file())), textEdits)));
      }
      return new WorkspaceEdit(changes);
    }
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (FileEdits file : edits.values()) {
      changes.put(file.file().uri().toString(), textEdits(file, newName));
    }
    return new WorkspaceEdit(changes);
  }

  private static List<TextEdit> textEdits(FileEdits file, String newName) {
    return file.spans().values().stream()
        .map(span -> new TextEdit(Positions.range(file.file().lines(), span), newName))
        .toList();
  }

  /**
   * The version an edit of an open document applies to: the one whose text was searched. An
   * open document edited since then makes the rename stale, which the client must hear about
   * rather than have edits land in the wrong places. Files that are not open have no version.
   */
  private static Integer version(Session session, FileModel file) {
    Optional<TextDocument> open = session.documents().get(file.uri());
    if (open.isEmpty()) {
      return null;
    }
    if (!open.get().text().equals(file.text())) {
      refuse(ResponseErrorCode.ContentModified, "a document changed while renaming; try again");
    }
    return open.get().version();
  }

  static boolean documentChanges(ClientCapabilities client) {
    var workspace = client == null ? null : client.getWorkspace();
    return workspace != null && workspace.getWorkspaceEdit() != null
        && Boolean.TRUE.equals(workspace.getWorkspaceEdit().getDocumentChanges());
  }

  /**
   * The entity a rename at this target would rename: the block of a declaration or the host
   * or VM of a resolved node reference. Empty for keywords; an error for names that are there
   * but cannot be renamed, so the editor can say why.
   */
  static Optional<Entity> renamable(Program program, Target target) {
    if (target instanceof Target.Declaration d) {
      return Optional.of(d.entity());
    }
    if (target instanceof Target.NodeReference r) {
      Optional<Entity> node = program.node(r.ref().text());
      if (node.isEmpty()) {
        refuse(ResponseErrorCode.RequestFailed, "no host or VM is named '" + r.ref().text() + "', so there is nothing to rename");
      }
      return node;
    }
    if (target instanceof Target.LibraryName || target instanceof Target.RequirementName) {
      refuse(ResponseErrorCode.RequestFailed,
          "a library's name is the name its OS or image gives it, not a name of this topology; it cannot be renamed");
    }
    if (target instanceof Target.ImportPath) {
      refuse(ResponseErrorCode.RequestFailed, "an import path names a file; rename the file instead");
    }
    return Optional.empty();
  }

  /** The file of the program that holds a span. */
  private static Optional<FileModel> fileOf(Program program, Span span) {
    return program.files().stream().filter(f -> References.inDocument(span, f.uri())).findFirst();
  }

  private static void refuse(ResponseErrorCode code, String message) {
    throw new ResponseErrorException(new ResponseError(code, message, null));
  }
}
