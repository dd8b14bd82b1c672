package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser;
import dev.topo.grammar.TopologyParser.FileContext;
import dev.topo.model.FileModel;
import dev.topo.model.Limits;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.net.URI;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses topology text. It never fails: whatever the input, it returns a tree, or a model,
 * and the problems found on the way.
 */
public final class TopologySyntax {
  /** Texts longer than this (in UTF-16 units) are not parsed; a single problem says why. */
  public static final int MAX_TEXT_LENGTH = Limits.MAX_TEXT_LENGTH;
  /** Past this depth of blocks the inner text is not parsed, which bounds the parser's recursion. */
  public static final int MAX_NESTING = Limits.MAX_NESTING;

  private TopologySyntax() {}

  /** Parses and builds the model of one file. */
  public static FileModel parse(URI uri, String text) {
    return model(parseTree(uri, text));
  }

  /** The model of a parsed text. */
  public static FileModel model(SyntaxTree tree) {
    return ModelBuilder.build(tree, 0);
  }

  /** The model of a block parsed again alone, its origin of the ordinal it has in its file ({@link dev.topo.model.Origin}). */
  static FileModel model(SyntaxTree piece, int ordinal) {
    return ModelBuilder.build(piece, ordinal);
  }

  public static SyntaxTree parseTree(URI uri, String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      return notAnalysed(uri, text, Message.of("analysis-limit.characters", MAX_TEXT_LENGTH));
    }
    BoundedTokenStream tokens = new BoundedTokenStream(KeywordLexer.of(text, uri.toString()));
    if (!tokens.fillUpTo(Limits.MAX_TOKENS)) {
      return notAnalysed(uri, text, Message.of("analysis-limit.tokens", Limits.MAX_TOKENS));
    }
    List<Problem> problems = new ArrayList<>();
    hideTooDeepBlocks(uri, tokens.getTokens(), problems);

    TopologyParser parser = new TopologyParser(tokens);
    parser.removeErrorListeners();
    parser.setWordSlots(PropertyShape::expectsWord);
    FileContext root;
    // Stage one: SLL and bail at the first error, which is enough for almost every file.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      root = parser.file();
    } catch (ParseCancellationException e) {
      // Stage two: full LL with recovery, collecting every error.
      tokens.seek(0);
      parser.reset();
      SyntaxErrorCollector collector = new SyntaxErrorCollector(uri, text);
      parser.addErrorListener(collector);
      parser.setErrorHandler(new LoopEntryRecovery());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      root = parser.file();
      problems.addAll(collector.problems());
    }
    problems.addAll(PropertyShape.problems(root, tokens.getTokens(), uri, text.length()));
    // In the order of the text, as a tree joined from re-parsed pieces lists them.
    problems.sort(Comparator.comparingInt(p -> p.span().start()));
    return new SyntaxTree(uri, text, root, tokens.getTokens(), problems);
  }

  /** The text as the lexer reads it: UTF-16 units as symbols, so that token offsets are Java string indices (LSP positions). */
  static CodePointCharStream chars(URI uri, String text) {
    return chars(uri.toString(), text);
  }

  static CodePointCharStream chars(String sourceName, String text) {
    return CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())), sourceName);
  }

  /** A tree of nothing for a text past a limit of the memory budget, with the problem that says which. */
  /**
   * How many tokens a parse counted towards {@link Limits#MAX_TOKENS}, the end included; more
   * than the limit for a text that was not analysed for its size.
   */
  public static long tokenCount(SyntaxTree tree) {
    boolean tooLarge = tree.tokens().isEmpty() && tree.problems().stream().anyMatch(p -> p.code() == ProblemCode.ANALYSIS_LIMIT);
    return tooLarge ? Limits.MAX_TOKENS + 1L : tree.tokens().size();
  }

  /** How many tokens a text has, as a parse counts them, without parsing it. */
  public static long tokenCount(String text) {
    BoundedTokenStream tokens = new BoundedTokenStream(KeywordLexer.of(text, ""));
    tokens.fillUpTo(Integer.MAX_VALUE - 1);
    return tokens.getTokens().size();
  }

  private static SyntaxTree notAnalysed(URI uri, String text, Message why) {
    Problem problem = new Problem(ProblemCode.ANALYSIS_LIMIT, new Span(uri, 0, 0), why);
    TopologyParser parser = new TopologyParser(new CommonTokenStream(new TopologyLexer(
        CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.allocate(0))))));
    parser.removeErrorListeners();
    return new SyntaxTree(uri, text, parser.file(), List.of(), List.of(problem));
  }

  /** Moves the tokens inside blocks nested deeper than {@link #MAX_NESTING} off the parser's channel. */
  private static void hideTooDeepBlocks(URI uri, List<Token> tokens, List<Problem> problems) {
    int depth = 0;
    boolean reported = false;
    for (Token token : tokens) {
      if (token.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int type = token.getType();
      boolean hide = depth > MAX_NESTING && !(type == TopologyLexer.RBRACE && depth == MAX_NESTING + 1);
      if (type == TopologyLexer.LBRACE) {
        depth++;
        if (depth == MAX_NESTING + 1 && !reported) {
          problems.add(new Problem(ProblemCode.ANALYSIS_LIMIT,
              new Span(uri, token.getStartIndex(), token.getStopIndex() + 1),
              Message.of("analysis-limit.nesting", MAX_NESTING)));
          reported = true;
        }
      } else if (type == TopologyLexer.RBRACE && depth > 0) {
        depth--;
      }
      if (hide && type != Token.EOF) {
        ((CommonToken) token).setChannel(Token.HIDDEN_CHANNEL);
      }
    }
  }

  /** A token stream that stops lexing past a number of tokens, before they fill the heap. */
  private static final class BoundedTokenStream extends CommonTokenStream {
    private static final int CHUNK = 1000;

    BoundedTokenStream(TokenSource lexer) {
      super(lexer);
    }

    /** Lexes the whole text unless it has more than {@code max} tokens; false if it has. */
    boolean fillUpTo(int max) {
      while (fetch(CHUNK) == CHUNK) {
        if (tokens.size() > max) {
          return false;
        }
      }
      lazyInit(); // at the first token on the parser's channel, now that there are tokens
      return tokens.size() <= max;
    }

    /**
     * Whether there is a token at {@code i}; the text was lexed whole first, so never by lexing
     * on. The stream's own also lexes on when asked past the end, in the method the filling
     * calls the lexer from: a JIT that compiles the parser's rules then inlines the whole lexer
     * into each, profiled as that call is, which was half of what C2 compiled for the parser.
     */
    @Override
    protected boolean sync(int i) {
      return i < tokens.size();
    }
  }
}
