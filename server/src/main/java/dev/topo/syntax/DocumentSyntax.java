package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.StatementContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The concrete syntax of one version of a document (its tokens with the comments, its
 * statements), made at most once per version and shared by every editor feature that needs
 * more than the model: colouring, folding, selection, formatting, and the fixes that insert
 * or remove statements.
 *
 * <p>It is kept as segments: stretches of parsed texts, each placed at an offset of this
 * one. A full parse is one segment. When {@link IncrementalParse} serves an edit, the next
 * version is this one with the stretch it re-parsed (one top-level block, or the white space
 * and comments between two statements) replaced by the piece it parsed, and the segments
 * after it moved by the change of length: O(segments), nothing lexed or parsed again.
 *
 * <p>Features read the segments in place, through views that add each segment's offset:
 * {@link #tokens()}, {@link #topLevel()}, and {@link #perSegment} for what is found per
 * parsed text (colours), kept with that text for as long as versions contain it. Each view
 * answers exactly what the same reading of a full parse would. {@link #tree()} joins the
 * segments into one tree by copying, which costs about a parse: only the formatter, which
 * works on a whole tree, reads it.
 *
 * <p>Safe to use from several threads.
 */
public final class DocumentSyntax {
  private final URI uri;
  private final String text;
  /** The parser of a version that is parsed whole when first read; null otherwise. */
  private final BiFunction<URI, String, SyntaxTree> parser;
  /** Guarded by this: the segments (null until a version parsed on first read is read). */
  private List<Segment> segments;
  private SyntaxTree tree;
  private List<Token> tokens;
  private List<Placed> topLevel;
  private StatementTree statements;

  /**
   * A text parsed on its own (a whole document, a block, a gap), and what features found in
   * it: a tree that the segments of later versions still point into is not read again.
   */
  static final class Parsed {
    private final SyntaxTree tree;
    private final Map<Object, List<?>> results = new ConcurrentHashMap<>();

    Parsed(SyntaxTree tree) {
      this.tree = tree;
    }

    SyntaxTree tree() {
      return tree;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> result(Object key, Function<SyntaxTree, List<T>> feature) {
      return (List<T>) results.computeIfAbsent(key, k -> List.copyOf(feature.apply(tree)));
    }
  }

  /**
   * The stretch {@code [from, to)} of a parsed text, standing at {@code [from + shift, to + shift)}
   * of the document. It always holds whole top-level statements and whole tokens.
   */
  record Segment(Parsed parsed, int from, int to, int shift) {
    static Segment whole(SyntaxTree tree, int at) {
      return new Segment(new Parsed(tree), 0, tree.text().length(), at);
    }

    SyntaxTree tree() {
      return parsed.tree();
    }

    /** The children of the tree's root that stand in this segment, in order. */
    List<ParseTree> children() {
      ParserRuleContext root = tree().root();
      if (root == null || root.children == null) {
        return List.of();
      }
      List<ParseTree> result = new ArrayList<>();
      int position = 0;
      for (ParseTree child : root.children) {
        int start = start(child);
        position = start < 0 ? position : start; // a token the parser conjured stands where the one before it does
        if (position >= from && position < to) {
          result.add(child);
        }
      }
      return result;
    }

    private static int start(ParseTree node) {
      Token token = node instanceof TerminalNode t ? t.getSymbol() : ((ParserRuleContext) node).getStart();
      return token == null || token.getType() == Token.EOF ? Integer.MAX_VALUE : token.getStartIndex();
    }
  }

  /** A top-level statement of a segment's tree, and how far the document's offsets are from its tree's. */
  record Placed(StatementContext statement, SyntaxTree tree, int shift) {}

  private DocumentSyntax(URI uri, String text, List<Segment> segments, BiFunction<URI, String, SyntaxTree> parser) {
    this.uri = uri;
    this.text = text;
    this.segments = segments;
    this.parser = parser;
  }

  /** The syntax of a text already parsed whole. */
  public static DocumentSyntax of(SyntaxTree tree) {
    DocumentSyntax syntax = new DocumentSyntax(tree.uri(), tree.text(), List.of(Segment.whole(tree, 0)), null);
    syntax.tree = tree;
    return syntax;
  }

  /** The syntax of a text that the parser parses whole the first time it is read, and only then. */
  public static DocumentSyntax parsing(URI uri, String text, BiFunction<URI, String, SyntaxTree> parser) {
    return new DocumentSyntax(uri, text, null, parser);
  }

  /**
   * The syntax of the next version of the text: {@code [start, oldEnd)} of this text became
   * {@code piece}, a text parsed on its own (a top-level block, or the layout between two
   * statements), and what follows moved. Only valid where the piece parses in place as it
   * does alone, which is what {@link IncrementalParse} checks before it serves an edit.
   */
  public DocumentSyntax edit(String newText, int start, int oldEnd, SyntaxTree piece) {
    int delta = newText.length() - text.length();
    List<Segment> before = new ArrayList<>();
    List<Segment> after = new ArrayList<>();
    for (Segment s : segments()) {
      if (s.from() + s.shift() < start) {
        before.add(new Segment(s.parsed(), s.from(), Math.min(s.to(), start - s.shift()), s.shift()));
      }
      if (s.to() + s.shift() > oldEnd) {
        after.add(new Segment(s.parsed(), Math.max(s.from(), oldEnd - s.shift()), s.to(), s.shift() + delta));
      }
    }
    List<Segment> next = new ArrayList<>(before);
    if (!piece.text().isEmpty()) {
      next.add(Segment.whole(piece, start));
    }
    next.addAll(after);
    return new DocumentSyntax(uri, newText, List.copyOf(next), null);
  }

  public URI uri() {
    return uri;
  }

  public String text() {
    return text;
  }

  /**
   * Every token, hidden ones (white space, comments) included, at this text's offsets and
   * indexed in order, ending with the end of file; as a full parse lists them, lines and
   * columns of tokens aside (read offsets).
   */
  public synchronized List<Token> tokens() {
    if (tokens == null) {
      List<Segment> all = segments();
      tokens = all.size() == 1 && all.get(0).shift() == 0 && all.get(0).tree().text().equals(text)
          ? all.get(0).tree().tokens() : new PlacedTokens(text, all);
    }
    return tokens;
  }

  /** The statements of the text, with their braces and the comments. */
  public synchronized StatementTree statements() {
    if (statements == null) {
      statements = StatementTree.of(this);
    }
    return statements;
  }

  /**
   * The tree of the whole text, as a full parse gives it, joined from the segments the first
   * time it is read: a copy of every token and node, which costs about a parse. Prefer the
   * views, which cost nothing to make.
   */
  public synchronized SyntaxTree tree() {
    if (tree == null) {
      tree = parser != null ? parser.apply(uri, text) : SegmentJoin.join(uri, text, segments);
      segments = List.of(Segment.whole(tree, 0)); // the older trees the segments pointed into can go
    }
    return tree;
  }

  /** The top-level statements in text order, each with the tree it stands in and its offset there. */
  synchronized List<Placed> topLevel() {
    if (topLevel == null) {
      List<Placed> placed = new ArrayList<>();
      for (Segment s : segments()) {
        for (ParseTree child : s.children()) {
          if (child instanceof StatementContext statement) {
            placed.add(new Placed(statement, s.tree(), s.shift()));
          }
        }
      }
      topLevel = List.copyOf(placed);
    }
    return topLevel;
  }

  /**
   * What a feature finds in each parsed text, kept where a segment stands and moved to this
   * text's offsets, in text order. It is found once per parsed text, whatever the version:
   * typing in one block of a big file finds it again in that block only.
   *
   * @param key names the feature (its results are kept under it)
   * @param start where a result starts in its tree's text; results must come in that order
   * @param move a result moved by a number of characters
   */
  <T> List<T> perSegment(Object key, Function<SyntaxTree, List<T>> feature, ToIntFunction<T> start,
      BiFunction<T, Integer, T> move) {
    List<T> result = new ArrayList<>();
    for (Piece<T> piece : pieces(key, feature, start)) {
      int shift = piece.at() - piece.from();
      for (T t : piece.results()) {
        result.add(shift == 0 ? t : move.apply(t, shift));
      }
    }
    return result;
  }

  /**
   * One segment of a version: a stretch {@code [from, to)} of a parsed text, standing at {@code
   * at} in this version, with the results of a feature that start in it, in that text's own
   * offsets. The same parsed text, the same stretch and so the same results come back in
   * later versions for as long as they contain it: what a feature makes of a piece can be kept
   * by {@link #source()}, {@code from} and {@code to}, whatever {@code at} becomes.
   *
   * @param source the parse the stretch is of: equal only to itself
   * @param text that parse's whole text
   */
  public record Piece<T>(Object source, String text, int from, int to, int at, List<T> results) {}

  /** The segments of this version in order, each with the results of a feature that start in it (see {@link #perSegment}). */
  public <T> List<Piece<T>> pieces(Object key, Function<SyntaxTree, List<T>> feature, ToIntFunction<T> start) {
    List<Segment> segments = segments();
    List<Piece<T>> pieces = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      List<T> own = s.parsed().result(key, feature);
      List<T> in = own.subList(firstAtOrAfter(own, start, s.from()), firstAtOrAfter(own, start, s.to()));
      pieces.add(new Piece<>(s.parsed(), s.tree().text(), s.from(), s.to(), s.from() + s.shift(), in));
    }
    return pieces;
  }

  /** The index of the first result, in a list ordered by start, that starts at or after an offset. */
  static <T> int firstAtOrAfter(List<T> results, ToIntFunction<T> start, int offset) {
    int lo = 0;
    int hi = results.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start.applyAsInt(results.get(mid)) < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How many segments make this version (for tests: edits stay cheap). */
  synchronized int segmentCount() {
    return segments().size();
  }

  synchronized List<Segment> segments() {
    if (segments == null) {
      tree(); // a version parsed on first read is parsed now
    }
    return segments;
  }
}
