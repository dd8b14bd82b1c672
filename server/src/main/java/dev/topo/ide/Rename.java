package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Message;
import dev.topo.model.LineMap;
import dev.topo.model.Name;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Rename, and its preparation. Every block can be renamed from its name; hosts and VMs also
 * from a {@code nodes} entry, and renaming one edits every {@code nodes} entry of the
 * workspace that resolves to it (each file seen as the root of its own program, so a file
 * that imports the declaration is edited and a file with a host of the same name of its own
 * is not). Containers, modules, clusters and pods have no references: only the declaration
 * changes.
 *
 * <p>A new name that is not an identifier is written quoted ({@code host "web.v2"}), and so is
 * every reference to it.
 *
 * <p>Refusals say why, for the editor to show: a name a file cannot write (empty, or with a
 * line break), a name
 * already taken in the entity's scope (in the current program, or in any workspace program
 * that includes the declaration), a library name (libraries are named by their distribution,
 * not by the topology), an import path, a reference to nothing. A keyword or blank space has
 * nothing to rename and answers nothing.
 */
public final class Rename {
  private Rename() {}

  /** Why a rename is refused. */
  public enum Reason {
    /** The new name cannot be written: empty, or with a line break. */
    INVALID_NAME,
    /** Another block of the same scope already has the new name. */
    NAME_TAKEN,
    /** What the cursor is on is not a name of this topology (a library, an import, a reference to nothing). */
    NOT_RENAMABLE
  }

  /** What the preparation of a rename finds: a name it can rename, or a refusal. */
  public sealed interface Preparation permits Renamable, Refusal {}

  /** What a rename does: its edits, or a refusal. */
  public sealed interface Outcome permits Edits, Refusal {}

  /** The word under the cursor, and the current name of what it names. */
  public record Renamable(Span span, String name) implements Preparation {}

  public record Refusal(Reason reason, Message text) implements Preparation, Outcome {
    /** Why, in English. */
    public String message() {
      return text.english();
    }
  }

  /** Each document's edits; none when the new name is the old one. */
  public record Edits(List<DocumentEdit> documents) implements Outcome {}

  /**
   * In one document, each span becomes the new text. The spans are offsets into {@code text},
   * the text that was searched (whose lines are {@code lines}), so that a face can tell
   * whether the document changed since.
   */
  public record DocumentEdit(URI uri, String text, LineMap lines, List<Span> spans, String newText) {}

  /** The name under the cursor and its text, a refusal, or empty when nothing there is a name. */
  public static Optional<Preparation> prepare(Snapshot snapshot, int offset) {
    return named(snapshot, offset, refusal -> refusal, (target, entity) -> new Renamable(target.span(), entity.name().text()));
  }

  /** The edits that rename what the cursor names across the workspace, a refusal, or empty when nothing is there. */
  public static Optional<Outcome> at(Snapshot snapshot, int offset, String newName, Workspace workspace,
      Cancellation cancel) {
    return named(snapshot, offset, refusal -> refusal,
        (target, entity) -> rename(snapshot, entity, newName, new WorkspaceSearch(workspace, snapshot, cancel)));
  }

  /** What the cursor names: the refusal to rename it, or what {@code found} makes of it; empty when it names nothing. */
  private static <T> Optional<T> named(Snapshot snapshot, int offset, Function<Refusal, T> refused,
      BiFunction<Target, Entity, T> found) {
    Optional<Target> target = Locator.at(snapshot.file(), offset);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Program program = snapshot.analysis().program();
    Optional<Refusal> refusal = refusal(program, target.get());
    if (refusal.isPresent()) {
      return Optional.of(refused.apply(refusal.get()));
    }
    return References.entity(program, target.get()).map(entity -> found.apply(target.get(), entity));
  }

  private static Outcome rename(Snapshot snapshot, Entity entity, String typed, WorkspaceSearch search) {
    String newName = Renames.typed(typed);
    Optional<Message> invalid = Renames.invalidName(newName);
    if (invalid.isPresent()) {
      return new Refusal(Reason.INVALID_NAME, invalid.get());
    }
    if (newName.equals(entity.name().text())) {
      return new Edits(List.of());
    }
    Program program = snapshot.analysis().program();
    Optional<Message> taken = Renames.collision(program, entity, newName);
    if (taken.isEmpty() && entity.kind().isGloballyNamed()) {
      // Another file may import the declaration and already use the new name.
      taken = search.first(newName, other -> WorkspaceSearch.includes(other, entity)
          ? Renames.collision(other, entity, program.span(entity), newName) : Optional.empty());
    }
    if (taken.isPresent()) {
      return new Refusal(Reason.NAME_TAKEN, taken.get());
    }

    Map<URI, FileEdits> edits = new LinkedHashMap<>();
    fileOf(program, entity).ifPresent(file -> edit(edits, file, file.span(entity.name())));
    for (WorkspaceSearch.Found ref : search.nodeReferences(entity)) {
      edit(edits, ref.file(), ref.file().span(ref.name()));
    }
    List<DocumentEdit> documents = new ArrayList<>();
    for (FileEdits file : edits.values()) {
      FileModel model = file.file();
      documents.add(new DocumentEdit(model.uri(), model.text(), model.lines(), List.copyOf(file.spans().values()),
          Name.written(newName)));
    }
    return new Edits(documents);
  }

  /** The edits of one file as they are gathered: its model, and the places of the old name by offset. */
  private record FileEdits(FileModel file, Map<Integer, Span> spans) {}

  private static void edit(Map<URI, FileEdits> edits, FileModel file, Span span) {
    edits.computeIfAbsent(file.uri().normalize(), k -> new FileEdits(file, new LinkedHashMap<>()))
        .spans().putIfAbsent(span.start(), span);
  }

  /**
   * Why the name at a target cannot be renamed, whatever the new name: libraries, requires,
   * import paths and node references that resolve to nothing. Empty for declarations and
   * resolved references (which can be) and for keywords (which are no names).
   */
  private static Optional<Refusal> refusal(Program program, Target target) {
    if (target instanceof Target.NodeReference r && program.node(r.ref().text()).isEmpty()) {
      return refuse(Message.of("rename.unknown-node", "'" + r.ref().text() + "'"));
    }
    if (target instanceof Target.LibraryName || target instanceof Target.RequirementName) {
      return refuse(Message.of("rename.library"));
    }
    if (target instanceof Target.ImportPath) {
      return refuse(Message.of("rename.import"));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(Message message) {
    return Optional.of(new Refusal(Reason.NOT_RENAMABLE, message));
  }

  /** The file of the program that holds an entity. */
  private static Optional<FileModel> fileOf(Program program, Entity entity) {
    return program.files().stream().filter(f -> References.inDocument(entity.span().source(), f.uri())).findFirst();
  }
}
