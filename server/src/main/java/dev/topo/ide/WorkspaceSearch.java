package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Name;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The files a cross-file feature looks through, and their programs: the current program's
 * files (imports the index has not reached yet), then the workspace's (open documents, the
 * index). Each file is seen as the root of its own program, the way it is checked.
 */
final class WorkspaceSearch {
  private final Workspace workspace;
  private final Snapshot snapshot;
  private final Cancellation cancel;

  WorkspaceSearch(Workspace workspace, Snapshot snapshot, Cancellation cancel) {
    this.workspace = workspace;
    this.snapshot = snapshot;
    this.cancel = cancel;
  }

  /** A name found in a file of the workspace. */
  record Found(FileModel file, Name name) {}

  /** Every file to search, each once (URIs compared normalised), the current document first. */
  List<URI> files() {
    Map<URI, URI> files = new LinkedHashMap<>();
    files.putIfAbsent(snapshot.file().uri().normalize(), snapshot.file().uri());
    for (FileModel file : snapshot.analysis().program().files()) {
      files.putIfAbsent(file.uri().normalize(), file.uri());
    }
    for (URI uri : workspace.files()) {
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
    String written = asWritten(mustContain);
    if (uri.normalize().equals(snapshot.file().uri().normalize())) {
      Program own = snapshot.analysis().program();
      return own.root().text().contains(written) ? Optional.of(own) : Optional.empty();
    }
    Optional<String> text = workspace.sources().read(uri);
    if (text.isEmpty() || !text.get().contains(written)) {
      return Optional.empty();
    }
    return Optional.of(workspace.loader(uri).load(uri, text.get()));
  }

  /**
   * The longest part of a name that a file holds as it is, however the name is written: a
   * quoted name escapes its quotes and backslashes, so the name {@code a"b} stands there as
   * {@code "a\"b"}.
   */
  static String asWritten(String name) {
    String longest = "";
    for (String part : name.split("[\"\\\\]")) {
      longest = part.length() > longest.length() ? part : longest;
    }
    return longest;
  }

  /** Calls back with each program (of a file whose text contains the word), checking cancellation between files. */
  void forEachProgram(String mustContain, Consumer<Program> action) {
    for (URI uri : files()) {
      cancel.check();
      program(uri, mustContain).ifPresent(action);
    }
  }

  /** The first answer a program (of a file whose text contains the word) gives; the rest are not loaded. */
  <T> Optional<T> first(String mustContain, Function<Program, Optional<T>> question) {
    for (URI uri : files()) {
      cancel.check();
      Optional<T> answer = program(uri, mustContain).flatMap(question);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  /** The node references across the workspace that resolve to a host or VM declaration of the snapshot's program. */
  List<Found> nodeReferences(Entity declaration) {
    List<Found> found = new ArrayList<>();
    Span declared = snapshot.analysis().program().span(declaration);
    forEachProgram(declaration.name().text(), program -> {
      for (Name ref : References.nodeReferences(program, declaration, declared)) {
        found.add(new Found(program.root(), ref));
      }
    });
    return found;
  }

  /** Whether a program includes the file that holds a declaration (it is linked against it). */
  static boolean includes(Program program, Entity declaration) {
    for (FileModel file : program.files()) {
      if (References.inDocument(declaration.span().source(), file.uri())) {
        return true;
      }
    }
    return false;
  }
}
