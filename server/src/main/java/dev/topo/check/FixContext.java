package dev.topo.check;

import dev.topo.check.edit.SourceEdit;
import dev.topo.check.edit.StatementEditor;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Message;
import dev.topo.workspace.Program;
import dev.topo.workspace.SyntaxSource;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program and the editors of its files, made once per request from the syntax the
 * snapshot already holds: several fixes of one document share its statement tree.
 */
public final class FixContext {
  private final Program program;
  private final SyntaxSource syntaxes;
  private final Map<URI, StatementEditor> editors = new HashMap<>();

  /** @param syntaxes the syntax of the program's files, as the snapshot holds it: fixes parse nothing again */
  public FixContext(Program program, SyntaxSource syntaxes) {
    this.program = program;
    this.syntaxes = syntaxes;
  }

  public Program program() {
    return program;
  }

  public FileModel root() {
    return program.root();
  }

  /** The editor of a file of the program (the root's when the URI is none of them). */
  public StatementEditor editor(URI uri) {
    return editors.computeIfAbsent(uri, u -> {
      FileModel file = file(u);
      return StatementEditor.of(file, syntaxes.syntax(file).statements());
    });
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
  public List<Fix> addStatements(Finding finding, Entity block, List<String> statements, Message title) {
    StatementEditor editor = editor(block.span().source());
    Optional<SourceEdit> edit = editor.block(program.span(block)).flatMap(node -> editor.addProperties(node, statements));
    return edit.map(e -> List.of(Fix.repair(title, finding, List.of(e)))).orElse(List.of());
  }
}
