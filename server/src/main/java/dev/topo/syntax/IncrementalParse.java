package dev.topo.syntax;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.LineMap;
import dev.topo.model.LocalSpan;
import dev.topo.model.Placement;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-parses only the top-level block an edit falls in. A keystroke inside one host of a
 * 50,000-line file then costs the parse of that host and a shift of what follows it,
 * instead of the parse of the whole file. Whenever the shortcut could differ from a full
 * parse (the edit touches a block's first word or its closing brace, spans two blocks, the
 * block does not come back whole, or the file has a syntax problem outside the block) it
 * declines, and the caller parses in full.
 */
public final class IncrementalParse {
  private IncrementalParse() {}

  /**
   * What an edit re-parsed: the model of the new text, and the piece of it parsed anew (the
   * block, or the layout between two statements), which stands at {@code [start, start +
   * piece.text().length())} of the new text where {@code [start, oldEnd)} stood in the old.
   */
  public record Reparse(FileModel model, int start, int oldEnd, SyntaxTree piece) {}

  /** The model of the new text built from the old model, or empty when only a full parse will do. */
  public static Optional<FileModel> reparse(FileModel old, String text) {
    return reparsePiece(old, text).map(Reparse::model);
  }

  /** The model of the new text and the piece parsed for it, or empty when only a full parse will do. */
  public static Optional<Reparse> reparsePiece(FileModel old, String text) {
    String before = old.text();
    int limit = Math.min(before.length(), text.length());
    int prefix = commonPrefix(before, text, limit);
    int suffix = commonSuffix(before, text, limit - prefix);
    int oldChangeEnd = before.length() - suffix;
    int delta = text.length() - before.length();

    Optional<Reparse> betweenBlocks = gapEdit(old, text, prefix, oldChangeEnd, delta);
    if (betweenBlocks.isPresent()) {
      return betweenBlocks;
    }
    Entity block = null;
    for (Entity d : old.declarations()) {
      Span s = old.span(d);
      if (s.start() < prefix && oldChangeEnd < s.end() && before.charAt(s.end() - 1) == '}') {
        block = d;
      } else if (s.start() < oldChangeEnd && prefix < s.end()) {
        return Optional.empty(); // the edit reaches into another block
      }
    }
    if (block == null || !(block.span() instanceof LocalSpan placed) || nested(old, block)
        || syntaxProblemOutside(old, old.span(block))) {
      return Optional.empty();
    }
    Span span = old.span(block);
    String blockText = text.substring(span.start(), span.end() + delta);
    SyntaxTree piece = TopologySyntax.parseTree(old.uri(), blockText);
    // The block keeps its ordinal among the file's, so that the file's placement puts it where it was.
    FileModel part = TopologySyntax.model(piece, placed.origin().ordinal());
    // The block must come back whole, ending with its own '}': then the rest of the file,
    // which is the same text, parses as it did (a '}' typed inside, or a comment or string
    // left open, would end the block elsewhere, and the shortcut declines).
    if (part.declarations().size() != 1 || !part.imports().isEmpty()
        || part.problems().stream().anyMatch(p -> p.span().start() >= blockText.length())
        || part.declarations().get(0).kind() != block.kind()
        || !part.span(part.declarations().get(0)).equals(new Span(old.uri(), 0, blockText.length()))) {
      return Optional.empty();
    }
    LineMap lines = old.lines().edited(text, prefix, oldChangeEnd, oldChangeEnd + delta);
    return Optional.of(new Reparse(splice(old, text, lines, block, part, delta), span.start(), span.end(), piece));
  }

  /** Compared a stretch at a time: a keystroke in a 1.4 MB file leaves all of it but a few characters alike. */
  private static final int STRETCH = 1024;

  /** How many characters two texts share from their start, up to {@code limit}. */
  static int commonPrefix(String a, String b, int limit) {
    int same = 0;
    while (same + STRETCH <= limit && a.regionMatches(same, b, same, STRETCH)) {
      same += STRETCH;
    }
    while (same < limit && a.charAt(same) == b.charAt(same)) {
      same++;
    }
    return same;
  }

  /** How many characters two texts share at their end, up to {@code limit}. */
  static int commonSuffix(String a, String b, int limit) {
    int same = 0;
    while (same + STRETCH <= limit
        && a.regionMatches(a.length() - same - STRETCH, b, b.length() - same - STRETCH, STRETCH)) {
      same += STRETCH;
    }
    while (same < limit && a.charAt(a.length() - 1 - same) == b.charAt(b.length() - 1 - same)) {
      same++;
    }
    return same;
  }

  /** A syntax problem elsewhere may come from the block's text (a missing '}'), so only the block's own are replaced. */
  private static boolean syntaxProblemOutside(FileModel old, Span block) {
    return old.problems().stream()
        .anyMatch(p -> p.code() == ProblemCode.SYNTAX
            && (p.span().start() < block.start() || p.span().start() >= block.end() || p.span().end() > block.end()));
  }

  /**
   * An edit of the white space and comments between top-level statements (no suppression
   * comment among them) changes nothing but the positions of what follows.
   */
  private static Optional<Reparse> gapEdit(FileModel old, String text, int prefix, int oldChangeEnd, int delta) {
    int gapStart = 0;
    int gapEnd = old.text().length();
    List<Span> statements = new ArrayList<>();
    old.declarations().forEach(d -> statements.add(old.span(d)));
    old.imports().forEach(i -> statements.add(i.span()));
    for (Span s : statements) {
      if (s.end() <= prefix) {
        gapStart = Math.max(gapStart, s.end());
      } else if (s.start() >= oldChangeEnd) {
        gapEnd = Math.min(gapEnd, s.start());
      } else {
        return Optional.empty();
      }
    }
    for (Problem p : old.problems()) {
      if (p.span().end() >= gapStart && p.span().start() <= gapEnd) {
        return Optional.empty();
      }
    }
    if (layout(old.uri(), old.text().substring(gapStart, gapEnd)).isEmpty()) {
      return Optional.empty();
    }
    Optional<SyntaxTree> newGap = layout(old.uri(), text.substring(gapStart, gapEnd + delta));
    if (newGap.isEmpty()) {
      return Optional.empty();
    }
    Shift after = new Shift(delta);
    final int end = gapEnd;
    List<Import> imports = old.imports().stream().map(i -> i.span().start() >= end ? after.anImport(i) : i).toList();
    List<Problem> problems = old.problems().stream().map(p -> p.span().start() >= end ? after.problem(p) : p).toList();
    List<Suppression> suppressions = old.suppressions().stream().map(s -> s.comment().start() >= end ? after.suppression(s)
        : s.target().start() >= end ? new Suppression(s.comment(), s.ruleIds(), after.span(s.target()), s.reason()) : s)
        .toList();
    LineMap lines = old.lines().edited(text, prefix, oldChangeEnd, oldChangeEnd + delta);
    // The blocks stay as they are: only where the placement puts those after the gap changes.
    FileModel model = new FileModel(old.uri(), text, lines, imports, old.declarations(), problems, suppressions,
        old.placement().edited(null, gapEnd, delta));
    return Optional.of(new Reparse(model, gapStart, gapEnd, newGap.get()));
  }

  /** The tree of a stretch of text if it is only white space and finished comments, none of them a topo-ignore. */
  private static Optional<SyntaxTree> layout(java.net.URI uri, String gap) {
    if (gap.contains("topo-ignore")) {
      return Optional.empty();
    }
    SyntaxTree tree = TopologySyntax.parseTree(uri, gap);
    for (org.antlr.v4.runtime.Token t : tree.tokens()) {
      int type = t.getType();
      // A line comment at the very end would run on into the statement after the gap.
      if (type == dev.topo.grammar.TopologyLexer.LINE_COMMENT && t.getStopIndex() + 1 == gap.length()) {
        return Optional.empty();
      }
      boolean layout = type == dev.topo.grammar.TopologyLexer.WS || type == dev.topo.grammar.TopologyLexer.LINE_COMMENT
          || (type == dev.topo.grammar.TopologyLexer.BLOCK_COMMENT && t.getText().length() >= 4 && t.getText().endsWith("*/"));
      if (!layout && type != org.antlr.v4.runtime.Token.EOF) {
        return Optional.empty();
      }
    }
    return Optional.of(tree);
  }

  /** Whether a block holds another top-level declaration (a host hoisted out of it). */
  private static boolean nested(FileModel old, Entity block) {
    Span span = old.span(block);
    return old.declarations().stream().anyMatch(d -> d != block && span.contains(old.span(d)));
  }

  private static FileModel splice(FileModel old, String text, LineMap lines, Entity block, FileModel part, int delta) {
    Span span = old.span(block);
    Shift into = new Shift(span.start());
    Shift after = new Shift(delta);
    // The blocks are reused as they are, the new one too: what they hold counts from their own
    // start, and the new placement puts each where it now stands.
    Entity rebuilt = part.declarations().get(0);
    Span rebuiltSpan = new Span(old.uri(), span.start(), span.end() + delta);
    List<Entity> declarations = new ArrayList<>(old.declarations());
    for (int i = 0; i < declarations.size(); i++) {
      if (declarations.get(i) == block) {
        declarations.set(i, rebuilt);
      }
    }
    List<Import> imports = new ArrayList<>();
    for (Import i : old.imports()) {
      imports.add(i.span().start() >= span.end() ? after.anImport(i) : i);
    }
    List<Problem> problems = new ArrayList<>();
    for (Problem p : old.problems()) {
      if (p.span().start() < span.start()) {
        problems.add(p);
      }
    }
    part.problems().forEach(p -> problems.add(into.problem(p)));
    for (Problem p : old.problems()) {
      if (p.span().start() >= span.end()) {
        problems.add(after.problem(p));
      }
    }
    List<Suppression> suppressions = new ArrayList<>();
    for (Suppression s : old.suppressions()) {
      if (s.comment().start() < span.start()) {
        suppressions.add(retarget(s, span, rebuiltSpan, after));
      }
    }
    part.suppressions().forEach(s -> suppressions.add(into.suppression(s)));
    for (Suppression s : old.suppressions()) {
      if (s.comment().start() >= span.end()) {
        Suppression moved = after.suppression(s);
        suppressions.add(s.target().equals(span)
            ? new Suppression(moved.comment(), s.ruleIds(), rebuiltSpan, s.reason()) : moved);
      }
    }
    Placement placement = old.placement().edited(((LocalSpan) rebuilt.span()).origin(), span.end(), delta);
    return new FileModel(old.uri(), text, lines, List.copyOf(imports), List.copyOf(declarations),
        List.copyOf(problems), List.copyOf(suppressions), placement);
  }

  /** A suppression from before the block: aimed at the block, at something after it, or neither. */
  private static Suppression retarget(Suppression s, Span oldBlock, Span newBlock, Shift after) {
    if (s.target().equals(oldBlock)) {
      return new Suppression(s.comment(), s.ruleIds(), newBlock, s.reason());
    }
    if (s.target().start() >= oldBlock.end()) {
      return new Suppression(s.comment(), s.ruleIds(), after.span(s.target()), s.reason());
    }
    return s;
  }
}
