package dev.topo.check;

import dev.topo.model.Message;
import dev.topo.model.Related;
import dev.topo.model.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the checker reports: a rule, how serious, where, what, the other places it concerns,
 * and what the rule knew that its fixes need. The message is data ({@link Message}), put in
 * words at the face in the user's language.
 */
public record Finding(Rule rule, Severity severity, Message text, Span span, List<Related> related, Data data) {
  /** Document, then position, then rule: the order every output uses. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.span().source().toString())
      .thenComparingInt(f -> f.span().start())
      .thenComparingInt(f -> f.span().end())
      .thenComparing(f -> f.rule().id())
      .thenComparing((Finding f) -> f.message());

  /** A finding with nothing for a fix to know beyond where it is. */
  public Finding(Rule rule, Severity severity, Message text, Span span, List<Related> related) {
    this(rule, severity, text, span, related, Data.NONE);
  }

  /** A finding whose message no bundle holds (a parser's), shown as it is. */
  public Finding(Rule rule, Severity severity, String message, Span span, List<Related> related) {
    this(rule, severity, Message.literal(message), span, related);
  }

  /** A finding whose message no bundle holds, with what its fixes need. */
  public Finding(Rule rule, Severity severity, String message, Span span, List<Related> related, Data data) {
    this(rule, severity, Message.literal(message), span, related, data);
  }

  /** The message in English: what baselines, fingerprints and every language-neutral output use. */
  public String message() {
    return text.english();
  }

  public String message(Locale locale) {
    return text.text(locale);
  }

  /**
   * What a rule knew when it reported (the entity that lacks something, the name it could
   * not find and the one it suggests...), for its own fixes: each rule declares its records.
   */
  public interface Data {
    Data NONE = new None();

    /** This data with the elements it names where {@code moves} puts them ({@link Rule.Scope#BLOCK}). */
    Data moved(Moves moves);
  }

  private record None() implements Data {
    @Override
    public Data moved(Moves moves) {
      return this;
    }
  }
}
