package dev.topo.check;

import dev.topo.check.edit.SourceEdit;
import dev.topo.check.edit.StatementEditor;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program and the editors of its files, made once per request: several fixes of one
 * document share the parse that finding statements needs.
 */
public final class FixContext {
  private final Program program;
  private final Map<URI, StatementEditor> editors = new HashMap<>();

  public FixContext(Program program) {
    this.program = program;
  }

  public Program program() {
    return program;
  }

  public FileModel root() {
    return program.root();
  }

  /** The editor of a file of the program (the root's when the URI is none of them). */
  public StatementEditor editor(URI uri) {
    return editors.computeIfAbsent(uri, u -> StatementEditor.of(file(u)));
  }

  private FileModel file(URI uri) {
    for (FileModel file : program.files()) {
      if (file.uri().equals(uri)) {
        return file;
      }
    }
    return program.root();
  }

  /**
   * The repair that adds statements to a block (after its properties, in the style of its
   * file), or none when the block cannot take them (it has no opening brace).
   */
  public List<Fix> addStatements(Finding finding, Entity block, List<String> statements, String title) {
    StatementEditor editor = editor(block.span().source());
    Optional<SourceEdit> edit = editor.block(block.span()).flatMap(node -> editor.addProperties(node, statements));
    return edit.map(e -> List.of(Fix.repair(title, finding, List.of(e)))).orElse(List.of());
  }
}
