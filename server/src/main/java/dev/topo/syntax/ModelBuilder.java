package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.BlockContext;
import dev.topo.grammar.TopologyParser.NameContext;
import dev.topo.grammar.TopologyParser.PropertyContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.Entity;
import dev.topo.model.Extent;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Keyword;
import dev.topo.model.LocalSpan;
import dev.topo.model.LineMap;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Origin;
import dev.topo.model.Placement;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the model of one file from its syntax tree in a single walk, reporting statements
 * that stand where they are not allowed and values that mean nothing.
 */
final class ModelBuilder {
  private final URI uri;
  private final String text;
  private final List<Problem> problems;
  private final List<Import> imports = new ArrayList<>();
  private final List<Entity> declarations = new ArrayList<>();
  /** Every statement by start offset, for suppression comments to find their target. */
  private final TreeMap<Integer, Span> statements = new TreeMap<>();
  private final List<Token> tokens;
  /** The ordinal of the first block's origin: a block parsed again alone keeps the one it had in its file. */
  private final int firstOrdinal;
  /** Each top-level block's origin, by ordinal from {@link #firstOrdinal}, and where it starts. */
  private final List<Origin> origins = new ArrayList<>();
  private int[] starts = new int[16];
  /** The origin the elements being built count from: their top-level block's; null outside any. */
  private Origin current;
  private int base;

  private ModelBuilder(SyntaxTree tree, int firstOrdinal) {
    this.uri = tree.uri();
    this.text = tree.text();
    this.problems = new ArrayList<>(tree.problems());
    this.tokens = tree.tokens();
    this.firstOrdinal = firstOrdinal;
  }

  static FileModel build(SyntaxTree tree, int firstOrdinal) {
    ModelBuilder builder = new ModelBuilder(tree, firstOrdinal);
    builder.lexicalProblems(tree.tokens());
    for (StatementContext statement : tree.root().statement()) {
      builder.topLevel(statement);
    }
    LineMap lines = LineMap.of(tree.text());
    // In document order, whichever stage found them: what an editor lists, and what lets
    // a re-parsed block's problems be spliced in among the others.
    builder.problems.sort(java.util.Comparator.comparingInt(p -> p.span().start()));
    return new FileModel(tree.uri(), tree.text(), lines, List.copyOf(builder.imports),
        List.copyOf(builder.declarations), List.copyOf(builder.problems),
        SuppressionFinder.find(tree.uri(), tree.tokens(), lines, builder.statements),
        Placement.of(builder.origins, builder.starts));
  }

  private void topLevel(StatementContext statement) {
    Span span = record(statement);
    if (span == null) {
      return;
    }
    if (statement.importStmt() != null) {
      TerminalNode path = statement.importStmt().STRING();
      if (!declarations.isEmpty()) {
        problems.add(new Problem(ProblemCode.MISPLACED_PROPERTY, span, Message.of("misplaced.import")));
      }
      if (path != null && present(path.getSymbol())) {
        Strings unquoted = Strings.unquote(path.getText());
        if (unquoted.problem() != null) {
          problems.add(new Problem(ProblemCode.INVALID_VALUE, span(path.getSymbol()), unquoted.problem()));
        }
        imports.add(new Import(span, unquoted.value(), span(path.getSymbol())));
      }
    } else if (statement.block() != null) {
      block(statement.block(), null, null);
    } else {
      String word = "'" + statement.getStart().getText() + "'";
      problems.add(new Problem(ProblemCode.MISPLACED_PROPERTY, span, Keyword.of(statement.getStart().getText())
          .map(k -> Message.of("misplaced.top.belongs", word, k.whereAllowed())).orElse(Message.of("misplaced.top", word))));
    }
  }

  /** Builds a block found inside {@code parent} (null at the top) and adds it where it belongs. */
  void block(BlockContext block, EntityKind parentKind, BlockContents parent) {
    EntityKind kind = EntityKind.fromKeyword(block.blockKeyword().getText());
    Name name = name(block.name(), block.blockKeyword().getStart());
    Keyword keyword = Keyword.of(kind.keyword()).orElseThrow();
    boolean topLevelKind = keyword.allowedIn(null);
    if (parent == null && !topLevelKind) {
      problems.add(new Problem(ProblemCode.MISPLACED_PROPERTY, at(name.span()),
          Message.of("misplaced.block.top", kind.keyword(), "'" + name.text() + "'", keyword.whereAllowed())));
      return;
    }
    if (parent != null && !keyword.allowedIn(parentKind)) {
      String named = "'" + name.text() + "'";
      problems.add(new Problem(ProblemCode.MISPLACED_PROPERTY, at(name.span()), topLevelKind
          ? Message.of("misplaced.block.in.top", kind.keyword(), named, parent.owner())
          : Message.of("misplaced.block.in", kind.keyword(), named, parent.owner(), keyword.whereAllowed())));
      if (!topLevelKind) {
        return;
      }
      // A host or cluster inside a block is almost always a missing '}': keep checking it.
      parent = null;
    }
    Origin outer = current;
    int outerBase = base;
    Span whole = span(block);
    if (parent == null) {
      // A declaration of the file: what it holds counts from its start.
      current = new Origin(uri, firstOrdinal + origins.size());
      base = whole.start();
      if (origins.size() == starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      starts[origins.size()] = base;
      origins.add(current);
      name = new Name(name.text(), local(at(name.span())));
    }
    BlockContents contents = new BlockContents(this, kind, Entity.described(kind, name.text()));
    for (StatementContext statement : block.statement()) {
      contents.add(statement);
    }
    Entity entity = contents.toEntity(name, local(whole));
    current = outer;
    base = outerBase;
    if (parent == null) {
      declarations.add(entity);
    } else {
      parent.addChild(entity);
    }
  }

  // ---- helpers shared with BlockContents ----

  void problem(ProblemCode code, Span span, Message message) {
    problems.add(new Problem(code, span, message));
  }

  void problem(Problem problem) {
    problems.add(problem);
  }

  /** Where an element this builder made is in the text, for a problem that points at it. */
  Span at(Extent element) {
    if (element instanceof LocalSpan local) {
      int start = starts[local.origin().ordinal() - firstOrdinal];
      return new Span(uri, start + local.start(), start + local.end());
    }
    return (Span) element;
  }

  /** A stretch of the text as the elements being built hold it: counted from their block's start. */
  Extent local(Span span) {
    return current == null ? span : new LocalSpan(current, span.start() - base, span.end() - base);
  }

  /** Records a statement's span for suppressions; null for an empty statement (a lone ';'). */
  Span record(StatementContext statement) {
    if (statement.SEMI() != null && statement.getChildCount() == 1) {
      return null;
    }
    Span span = span(statement);
    statements.put(span.start(), span);
    return span;
  }

  Name name(NameContext name, Token before) {
    Token token = name == null || name.exception != null ? null : nameToken(name);
    if (token == null) {
      int at = before.getStopIndex() + 1;
      return new Name("", local(new Span(uri, at, at)));
    }
    return name(token);
  }

  /**
   * The name a token spells: an identifier or keyword as it is, a quoted name without its
   * quotes (a bad escape or an empty name is reported); its span is the whole token.
   */
  Name name(Token token) {
    if (token.getType() != dev.topo.grammar.TopologyLexer.STRING) {
      return new Name(token.getText(), local(span(token)));
    }
    Strings unquoted = Strings.unquote(token.getText());
    if (unquoted.problem() != null) {
      problem(ProblemCode.INVALID_VALUE, span(token), unquoted.problem());
    } else if (unquoted.value().isEmpty() && Strings.isTerminated(token.getText())) {
      problems.add(new Problem(ProblemCode.INVALID_VALUE, span(token), Message.of("invalid.name.empty")));
    }
    return new Name(unquoted.value(), local(span(token)));
  }

  /** The name's own token, skipping tokens that error recovery attached to it. */
  private static Token nameToken(NameContext name) {
    for (int i = 0; i < name.getChildCount(); i++) {
      if (name.getChild(i) instanceof TerminalNode t && !(t instanceof ErrorNode) && present(t.getSymbol())) {
        return t.getSymbol();
      }
    }
    return null;
  }

  /** How a property statement's values fill its keyword's slots. */
  PropertyShape shape(PropertyContext property) {
    return PropertyShape.of(property, tokens);
  }

  static boolean present(Token token) {
    return token != null && token.getStartIndex() >= 0 && token.getStopIndex() >= token.getStartIndex()
        && token.getType() != Token.EOF;
  }

  Span span(Token token) {
    return new Span(uri, token.getStartIndex(), token.getStopIndex() + 1);
  }

  Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int from = present(start) ? start.getStartIndex() : Math.min(Math.max(0, start.getStartIndex()), text.length());
    int to = stop != null && present(stop) && stop.getStopIndex() + 1 >= from ? stop.getStopIndex() + 1 : from;
    if (present(start) && to < start.getStopIndex() + 1) {
      to = start.getStopIndex() + 1;
    }
    return new Span(uri, from, to);
  }

  /** The span of what follows a statement's keyword, or an empty span after the keyword. */
  Span valueSpan(ParserRuleContext body) {
    Span whole = span(body);
    if (body.getChildCount() < 2) {
      return new Span(uri, whole.end(), whole.end());
    }
    org.antlr.v4.runtime.tree.ParseTree first = body.getChild(1);
    Token start = first instanceof TerminalNode t ? t.getSymbol() : ((ParserRuleContext) first).getStart();
    int from = present(start) ? start.getStartIndex() : whole.end();
    return new Span(uri, Math.min(from, whole.end()), whole.end());
  }

  private void lexicalProblems(List<Token> tokens) {
    for (Token token : tokens) {
      String t = token.getText();
      if (token.getType() == dev.topo.grammar.TopologyLexer.STRING && !Strings.isTerminated(t)) {
        problem(ProblemCode.SYNTAX, span(token), Message.of("syntax.unterminated-string"));
      } else if (token.getType() == dev.topo.grammar.TopologyLexer.BLOCK_COMMENT
          && (t.length() < 4 || !t.endsWith("*/"))) {
        problem(ProblemCode.SYNTAX, new Span(uri, token.getStartIndex(), token.getStartIndex() + 2),
            Message.of("syntax.unterminated-comment"));
      }
    }
  }
}
