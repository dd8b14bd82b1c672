package dev.topo.workspace;

import dev.topo.model.FileModel;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.TopologySyntax;

/**
 * The concrete syntax of the files of a program (tokens, tree, statements), from whoever
 * parsed them: an editing feature or a fix that needs more than the model asks here instead
 * of parsing the text again.
 */
@FunctionalInterface
public interface SyntaxSource {
  /** Parses each file the first time its syntax is read: for callers that keep no cache. */
  SyntaxSource PARSE = file -> DocumentSyntax.parsing(file.uri(), file.text(), TopologySyntax::parseTree);

  DocumentSyntax syntax(FileModel file);
}
