package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Name;
import dev.topo.workspace.ProgramLoader;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The files a cross-file feature looks through, and their programs: the workspace index, the
 * open documents (which may lie outside the workspace folders), and the files of the current
 * program (imports the index has not reached yet). Each file is seen as the root of its own
 * program, the way it is checked; texts come from the open buffers first, then the disk, and
 * models from the session's parse cache.
 */
final class WorkspaceSearch {
  private final Session session;
  private final Snapshot snapshot;
  private final Cancellation cancel;

  WorkspaceSearch(Session session, Snapshot snapshot, Cancellation cancel) {
    this.session = session;
    this.snapshot = snapshot;
    this.cancel = cancel;
  }

  /** A file of the workspace, parsed. */
  record Found(FileModel file, Name name) {}

  /** Every file to search, each once (URIs compared normalised), the current document first. */
  static List<URI> files(Session session, Snapshot snapshot) {
    Map<URI, URI> files = new LinkedHashMap<>();
    if (snapshot != null) {
      files.putIfAbsent(snapshot.file().uri().normalize(), snapshot.file().uri());
      for (FileModel file : snapshot.analysis().program().files()) {
        files.putIfAbsent(file.uri().normalize(), file.uri());
      }
    }
    for (TextDocument open : session.documents().all()) {
      files.putIfAbsent(open.uri().normalize(), open.uri());
    }
    for (URI uri : session.workspaceFiles()) {
      files.putIfAbsent(uri.normalize(), uri);
    }
    return new ArrayList<>(files.values());
  }

  /**
   * The program whose root is this file, when its text contains {@code mustContain} (a cheap
   * test that spares linking the files that cannot matter). The current document's program is
   * the snapshot's own.
   */
  Optional<Program> program(URI uri, String mustContain) {
    if (uri.normalize().equals(snapshot.file().uri().normalize())) {
      Program own = snapshot.analysis().program();
      return own.root().text().contains(mustContain) ? Optional.of(own) : Optional.empty();
    }
    Optional<String> text = session.documents().read(uri);
    if (text.isEmpty() || !text.get().contains(mustContain)) {
      return Optional.empty();
    }
    return Optional.of(new ProgramLoader(session.documents(), session.cache(), session.rootOf(uri)).load(uri, text.get()));
  }

  /** Calls back with each program (of a file whose text contains the word), checking cancellation between files. */
  void forEachProgram(String mustContain, Consumer<Program> action) {
    for (URI uri : files(session, snapshot)) {
      cancel.check();
      program(uri, mustContain).ifPresent(action);
    }
  }

  /** The node references across the workspace that resolve to a host or VM declaration. */
  List<Found> nodeReferences(Entity declaration) {
    List<Found> found = new ArrayList<>();
    forEachProgram(declaration.name().text(), program -> {
      for (Name ref : References.nodeReferences(program, declaration)) {
        found.add(new Found(program.root(), ref));
      }
    });
    return found;
  }

  /** Whether a program includes the file that holds a declaration (it is linked against it). */
  static boolean includes(Program program, Entity declaration) {
    for (FileModel file : program.files()) {
      if (References.inDocument(declaration.span(), file.uri())) {
        return true;
      }
    }
    return false;
  }
}
