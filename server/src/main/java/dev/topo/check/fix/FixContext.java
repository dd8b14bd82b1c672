package dev.topo.check.fix;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A program and the layouts of its files, made once per request: several fixes of one
 * document share the parse that finding statements needs.
 */
final class FixContext {
  private final Program program;
  private final Map<URI, Layout> layouts = new HashMap<>();

  FixContext(Program program) {
    this.program = program;
  }

  Program program() {
    return program;
  }

  FileModel root() {
    return program.root();
  }

  /** The layout of a file of the program (the root's when the URI is none of them). */
  Layout layout(URI uri) {
    return layouts.computeIfAbsent(uri, u -> Layout.of(file(u)));
  }

  private FileModel file(URI uri) {
    for (FileModel file : program.files()) {
      if (file.uri().equals(uri)) {
        return file;
      }
    }
    return program.root();
  }

  /** The innermost block of the root file at an offset, if it is of the given kind. */
  Optional<Entity> enclosing(int offset, EntityKind kind) {
    return Locator.enclosing(program.root(), offset).filter(e -> e.kind() == kind);
  }
}
