package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Highlighting;
import dev.topo.ide.Parsed;
import dev.topo.model.LineMap;
import dev.topo.syntax.Highlighter.Highlight;
import dev.topo.syntax.Highlighter.Role;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensServerFull;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;

/**
 * {@code textDocument/semanticTokens/full}, {@code /full/delta} and {@code /range}: the editor layer's
 * {@link Highlighting}, colours that know what a word is where it stands (which a TextMate
 * grammar can only guess), in the protocol's legend and relative encoding.
 *
 * <p>Only standard token types are used, so that every client and theme colours them
 * without configuration, and each thing the issue names gets a type that themes colour
 * apart:
 * <pre>
 * what                                                type        modifiers
 * statement keywords (host, os, requires, import...)  keyword
 * a block's declared name (host web-01 {)             class       declaration
 * a reference to a host or VM (nodes web-01)          variable
 * an OS family (linux, windows, macos, freebsd)       enumMember  defaultLibrary
 * load low|medium|high, privileged true|false         enumMember  defaultLibrary
 * a namespace after share (network, pid...)           namespace   defaultLibrary
 * runtime, hypervisor and language names              type
 * library name: in library / in requires              property    declaration / none
 * a number, and the amount of a quantity (64 of 64GiB) number
 * the unit of a quantity (GiB of 64GiB)               type
 * a version or a range (after library / requires)     regexp: a pattern that versions match,
 *                                                     which themes colour apart from strings
 * any other string (image, OS release, tool version)  string
 * comments                                            comment
 * </pre>
 * An unknown word where a closed set is expected ({@code os solaris}) gets no colour, as in
 * the TextMate grammar: the diagnostic says what is wrong. Punctuation is left to the
 * grammar. Tokens that span lines (block comments) are split per line, which every client
 * accepts whatever its {@code multilineTokenSupport}.
 */
final class SemanticTokensFeature {
  static final List<String> TYPES = List.of(
      SemanticTokenTypes.Keyword, SemanticTokenTypes.Class, SemanticTokenTypes.Variable, SemanticTokenTypes.EnumMember,
      SemanticTokenTypes.Namespace, SemanticTokenTypes.Type, SemanticTokenTypes.Property, SemanticTokenTypes.Number,
      SemanticTokenTypes.Regexp, SemanticTokenTypes.String, SemanticTokenTypes.Comment);
  static final List<String> MODIFIERS = List.of(SemanticTokenModifiers.Declaration, SemanticTokenModifiers.DefaultLibrary);

  private static final int DECLARATION = 1;
  private static final int DEFAULT_LIBRARY = 1 << 1;

  private SemanticTokensFeature() {}

  static SemanticTokensWithRegistrationOptions capability() {
    SemanticTokensWithRegistrationOptions options =
        new SemanticTokensWithRegistrationOptions(new SemanticTokensLegend(TYPES, MODIFIERS));
    options.setFull(new SemanticTokensServerFull(true));
    options.setRange(true);
    return options;
  }

  static SemanticTokens full(Parsed snapshot, Cancellation cancel) {
    return new SemanticTokens(data(snapshot, cancel));
  }

  /** Every token of the document, encoded (see {@link TokenResults} for the result ids and deltas). */
  static EncodedTokens data(Parsed snapshot, Cancellation cancel) {
    return encode(snapshot, Highlighting.of(snapshot, cancel), cancel);
  }

  /** The tokens that overlap the range, encoded as the protocol asks: relative to the previous one, from (0, 0). */
  static SemanticTokens range(Parsed snapshot, Range range, Cancellation cancel) {
    if (range == null) {
      return full(snapshot, cancel);
    }
    int from = Positions.offset(snapshot.lines(), range.getStart());
    int to = Positions.offset(snapshot.lines(), range.getEnd());
    return new SemanticTokens(encode(snapshot, Highlighting.in(snapshot, from, to, cancel), cancel));
  }

  /**
   * The line of an offset, walking on from a line at or before it: the highlights come in the
   * order of the text, so a token is found in a step or two instead of a search of every
   * line (150,000 tokens of a 36,000-line design, each searched twice, were half the request).
   */
  private static int lineOf(LineMap lines, int offset, int from) {
    if (from >= lines.lineCount() || lines.lineStart(from) > offset) {
      return lines.line(offset);
    }
    int line = from;
    while (line + 1 < lines.lineCount() && lines.lineStart(line + 1) <= offset) {
      line++;
    }
    return line;
  }

  /**
   * Five integers per token: line delta, start delta (from the previous token's start when
   * on the same line, else from the line's start), length, type index, modifier bits.
   * Lengths and columns count UTF-16 units, as offsets do.
   */
  static EncodedTokens encode(Parsed snapshot, List<Highlight> highlights, Cancellation cancel) {
    String text = snapshot.document().text();
    LineMap lines = snapshot.lines();
    EncodedTokens.Builder data = new EncodedTokens.Builder(highlights.size());
    int previousLine = 0;
    int previousStart = 0;
    // Found once, then walked on: highlights of a stretch in the middle (a range, a block) need not walk from line 0.
    int cursor = highlights.isEmpty() ? 0 : lines.line(highlights.get(0).start());
    for (Highlight h : highlights) {
      if (data.size() % 5000 == 0) {
        cancel.check();
      }
      int type = typeOf(h.role());
      int modifiers = modifiersOf(h.role());
      cursor = lineOf(lines, h.start(), cursor);
      int last = lineOf(lines, h.end(), cursor);
      for (int line = cursor; line <= last; line++) {
        int start = Math.max(h.start(), lines.lineStart(line));
        int end = Math.min(h.end(), contentEnd(text, lines, line));
        if (end <= start) {
          continue;
        }
        int column = start - lines.lineStart(line);
        data.append(line - previousLine);
        data.append(line == previousLine ? column - previousStart : column);
        data.append(end - start);
        data.append(type);
        data.append(modifiers);
        previousLine = line;
        previousStart = column;
      }
    }
    return data.build();
  }

  /** Where a line's text ends, before its line break. */
  private static int contentEnd(String text, LineMap lines, int line) {
    int end = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    int start = lines.lineStart(line);
    if (end > start && line + 1 < lines.lineCount()) {
      if (text.charAt(end - 1) == '\n') {
        end--;
      }
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return end;
  }

  /** Each role's index in {@link #TYPES}, by the role's ordinal: asked once per token. */
  private static final int[] TYPE_INDEX = Arrays.stream(Role.values())
      .mapToInt(role -> TYPES.indexOf(typeName(role))).toArray();

  static int typeOf(Role role) {
    return TYPE_INDEX[role.ordinal()];
  }

  private static String typeName(Role role) {
    return switch (role) {
      case KEYWORD -> SemanticTokenTypes.Keyword;
      case DECLARATION -> SemanticTokenTypes.Class;
      case REFERENCE -> SemanticTokenTypes.Variable;
      case OS_FAMILY, VALUE -> SemanticTokenTypes.EnumMember;
      case NAMESPACE -> SemanticTokenTypes.Namespace;
      case PLATFORM, UNIT -> SemanticTokenTypes.Type;
      case LIBRARY, LIBRARY_REFERENCE, LABEL -> SemanticTokenTypes.Property;
      case NUMBER -> SemanticTokenTypes.Number;
      case VERSION -> SemanticTokenTypes.Regexp;
      case STRING -> SemanticTokenTypes.String;
      case COMMENT -> SemanticTokenTypes.Comment;
    };
  }

  static int modifiersOf(Role role) {
    return switch (role) {
      case DECLARATION, LIBRARY -> DECLARATION;
      case OS_FAMILY, VALUE, NAMESPACE -> DEFAULT_LIBRARY;
      default -> 0;
    };
  }
}
