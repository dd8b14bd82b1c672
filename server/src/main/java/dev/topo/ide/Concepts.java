package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.model.Keyword;
import dev.topo.model.FileModel;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Target;
import java.util.Optional;

/**
 * Which concept of the language a place in a file is about, for explanations: a statement's
 * keyword, an OS family (explained by {@code os}), a namespace after {@code share}. The ids
 * are those of the knowledge base's concepts.
 */
final class Concepts {
  private Concepts() {}

  /** A concept and the word that names it. */
  record Concept(String id, Span span) {}

  static Optional<Concept> at(FileModel file, int offset) {
    Optional<Target> target = Locator.at(file, offset);
    if (target.isPresent()) {
      return target.get() instanceof Target.Keyword k ? Optional.of(new Concept(k.word(), k.span())) : Optional.empty();
    }
    Optional<Concept> family = osFamily(file, offset);
    if (family.isPresent()) {
      return family;
    }
    return fromTokens(file, offset);
  }

  /** The family word of an {@code os} statement is explained by {@code os}. */
  private static Optional<Concept> osFamily(FileModel file, int offset) {
    Optional<Entity> owner = Locator.enclosing(file, offset);
    if (owner.isEmpty() || owner.get().properties().os().isEmpty()) {
      return Optional.empty();
    }
    Property<OsSpec> os = owner.get().properties().os().get();
    Span value = file.placement().span(os.valueSpan());
    int length = os.known().map(spec -> spec.familyWord().length()).orElse(0);
    Span word = new Span(value.source(), value.start(), Math.min(value.end(), value.start() + length));
    return length > 0 && word.contains(offset) ? Optional.of(new Concept(Keyword.OS.knowledgeEntry(), word)) : Optional.empty();
  }

  /**
   * Statements the model does not keep (one out of place, one in a block that does not
   * parse) still have their keyword explained: the tokens say whether a statement starts
   * at the word.
   */
  private static Optional<Concept> fromTokens(FileModel file, int offset) {
    String text = file.text();
    int start = Math.max(0, Math.min(offset, text.length()));
    int end = start;
    while (start > 0 && isWordChar(text.charAt(start - 1))) {
      start--;
    }
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    if (start == end) {
      return Optional.empty();
    }
    String word = text.substring(start, end);
    CursorContext context = CursorContext.at(text, end);
    if (!context.prefix().equals(word)) {
      return Optional.empty();
    }
    Span span = new Span(file.uri(), start, end);
    if (context.place() == CursorContext.Place.STATEMENT && CursorContext.isStatementKeyword(word)) {
      return Optional.of(new Concept(Keyword.of(word).orElseThrow().knowledgeEntry(), span));
    }
    if (context.place() == CursorContext.Place.VALUE && context.argument() == 0 && Keyword.OS.word().equals(context.keyword())) {
      return Optional.of(new Concept(Keyword.OS.knowledgeEntry(), span));
    }
    if (context.place() == CursorContext.Place.VALUE && Keyword.SHARE.word().equals(context.keyword())
        && dev.topo.model.Namespace.fromWord(word).isPresent()) {
      return Optional.of(new Concept(word, span));
    }
    return Optional.empty();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
