package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.FileContext;
import dev.topo.model.Problem;
import java.net.URI;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The concrete syntax of one text: ANTLR's tree, every token (hidden ones included, so
 * comments are kept), and the syntax problems. Only this package and editor features that
 * need tokens look at it; the rest of the program reads the {@link dev.topo.model.FileModel}.
 */
public record SyntaxTree(URI uri, String text, FileContext root, List<Token> tokens, List<Problem> problems) {}
