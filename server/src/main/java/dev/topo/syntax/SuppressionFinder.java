package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.model.LineMap;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Finds {@code // topo-ignore RULE-ID[, RULE-ID...] [reason]} comments. A comment alone on
 * its line applies to the next statement (a whole block, if a block follows); one at the
 * end of a line applies to the innermost statement that line's code belongs to. A {@code ;}
 * is layout here, like white space: it is not code that a comment can end the line of, nor
 * a statement that a comment can apply to, so that removing or adding one (as the
 * formatter does) never changes what a comment silences.
 */
final class SuppressionFinder {
  private static final Pattern DIRECTIVE = Pattern.compile(
      "//\\s*topo-ignore\\s+([A-Za-z][A-Za-z0-9-]*(?:\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*)\\s*(.*)");

  private SuppressionFinder() {}

  static List<Suppression> find(URI uri, List<Token> tokens, LineMap lines, NavigableMap<Integer, Span> statements) {
    List<Suppression> result = new ArrayList<>();
    Token previousCode = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.getType() == TopologyLexer.LINE_COMMENT) {
        Matcher m = DIRECTIVE.matcher(token.getText());
        if (m.matches()) {
          Span target = previousCode != null
              && lines.line(previousCode.getStartIndex()) == lines.line(token.getStartIndex())
              ? innermost(statements, previousCode.getStartIndex())
              : next(statements, tokens, i);
          if (target != null) {
            result.add(new Suppression(new Span(uri, token.getStartIndex(), token.getStopIndex() + 1),
                ids(m.group(1)), target, m.group(2).trim()));
          }
        }
      } else if (token.getChannel() == Token.DEFAULT_CHANNEL && token.getType() != Token.EOF
          && token.getType() != TopologyLexer.SEMI) {
        previousCode = token;
      }
    }
    return List.copyOf(result);
  }

  private static Set<String> ids(String list) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : list.split(",")) {
      ids.add(id.trim());
    }
    return Set.copyOf(ids);
  }

  private static Span innermost(NavigableMap<Integer, Span> statements, int offset) {
    for (Map.Entry<Integer, Span> e : statements.headMap(offset, true).descendingMap().entrySet()) {
      if (e.getValue().end() > offset) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Span next(NavigableMap<Integer, Span> statements, List<Token> tokens, int from) {
    for (int j = from + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != TopologyLexer.SEMI) {
        return t.getType() == Token.EOF ? null : statements.get(t.getStartIndex());
      }
    }
    return null;
  }
}
