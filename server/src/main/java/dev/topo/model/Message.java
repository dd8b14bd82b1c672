package dev.topo.model;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Words for a person, kept as data until a face shows them: a key of the message bundles
 * ({@code dev/topo/knowledge/messages*.properties}) and its arguments. An argument is a
 * {@code Message} itself when it is a word to translate (an entity's kind), else shown as
 * it is (a name, a number). The analysis stays free of any language; the CLI and the
 * language server render with the user's, and whatever must be stable across languages
 * (baselines, fingerprints) uses {@link #english()}.
 *
 * @param key the bundle key, or {@link #LITERAL} for a text no bundle holds
 */
public record Message(String key, List<Object> args) {
  /** The key of a text given as it is, to show in every language (a parser's message). */
  public static final String LITERAL = "";
  /** The key of a list of words, joined as the language joins lists ("a, b and c"). */
  public static final String AND = "and";
  /** The key of a choice between words, joined as the language joins them ("a, b or c"). */
  public static final String OR = "or";
  private static final String BUNDLE = "dev.topo.knowledge.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public Message {
    args = List.copyOf(args);
  }

  public static Message of(String key, Object... args) {
    return new Message(key, Arrays.asList(args));
  }

  /** A text no bundle holds, shown as it is in every language. */
  public static Message literal(String text) {
    return new Message(LITERAL, List.of(text));
  }

  /** Words joined as the language lists them: "a", "a and b", "a, b and c". */
  public static Message and(List<?> words) {
    return new Message(AND, new ArrayList<>(words));
  }

  /** Words joined as the language offers a choice: "a", "a or b", "a, b or c". */
  public static Message or(List<?> words) {
    return new Message(OR, new ArrayList<>(words));
  }

  /** {@code KEY.one} for one of something, else {@code KEY.other}: "1 file", "3 files". */
  public static Message count(String key, long n) {
    return of(key + (n == 1 ? ".one" : ".other"), String.valueOf(n));
  }

  /** The language a face was asked for ("ko", "ko-KR", "en"); English for anything else. */
  public static Locale locale(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("ko") ? Locale.KOREAN : Locale.ROOT;
  }

  /** The text in English: the default, and what stays the same whatever the user's language. */
  public String english() {
    return text(Locale.ROOT);
  }

  public String text(String language) {
    return text(locale(language));
  }

  public String text(Locale locale) {
    if (key.equals(LITERAL)) {
      return String.valueOf(args.get(0));
    }
    ResourceBundle bundle = bundle(locale);
    Object[] words = args.stream().map(a -> a instanceof Message m ? m.text(locale) : String.valueOf(a)).toArray();
    String text = key.equals(AND) ? join(bundle, words, "and.separator", "and.last")
        : key.equals(OR) ? join(bundle, words, "or.separator", "or.last") : new MessageFormat(bundle.getString(key), locale).format(words);
    return locale.getLanguage().equals("ko") ? KoreanParticles.resolve(text) : text;
  }

  /** The bundle of a language, with English (the base bundle) behind it: never the JVM's default locale. */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
  }

  private static String join(ResourceBundle bundle, Object[] words, String separator, String last) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        text.append(bundle.getString(i == words.length - 1 ? last : separator));
      }
      text.append(words[i]);
    }
    return text.toString();
  }
}
