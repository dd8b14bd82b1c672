package dev.topo.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles after a word only known when a message is rendered: the bundles write
 * both forms, {@code 은(는)}, {@code 이(가)}, {@code 을(를)}, {@code 과(와)}, {@code (으)로}, and
 * the word before picks one, by whether its last sound ends in a consonant. A Hangul
 * syllable says so itself; a digit or a Latin letter by how it is read aloud (3 is 삼, n is
 * 엔). A parenthesis is skipped, as Korean reads it: "v2(기본값)를". After anything else (a
 * closing quote) both forms stay, as Korean software writes them.
 */
final class KoreanParticles {
  private KoreanParticles() {}

  private static final Pattern MARKED = Pattern.compile("은\\(는\\)|이\\(가\\)|을\\(를\\)|과\\(와\\)|\\(으\\)로");

  static String resolve(String text) {
    Matcher m = MARKED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(choose(soundBefore(text, m.start()), m.group())));
    }
    return m.appendTail(out).toString();
  }

  /** The sound of the word that ends before {@code end}, a parenthesis skipped. */
  private static Sound soundBefore(String text, int end) {
    int i = end - 1;
    if (i >= 0 && text.charAt(i) == ')') {
      int open = text.lastIndexOf('(', i);
      i = open - 1;
    }
    return i < 0 ? Sound.UNKNOWN : sound(text.charAt(i));
  }

  private static String choose(Sound sound, String both) {
    if (sound == Sound.UNKNOWN) {
      return both;
    }
    boolean consonant = sound != Sound.VOWEL;
    return switch (both) {
      case "은(는)" -> consonant ? "은" : "는";
      case "이(가)" -> consonant ? "이" : "가";
      case "을(를)" -> consonant ? "을" : "를";
      case "과(와)" -> consonant ? "과" : "와";
      default -> sound == Sound.CONSONANT ? "으로" : "로"; // (으)로: after a vowel or ㄹ, 로
    };
  }

  private enum Sound { VOWEL, RIEUL, CONSONANT, UNKNOWN }

  private static Sound sound(char c) {
    if (c >= '가' && c <= '힣') {
      int last = (c - '가') % 28;
      return last == 0 ? Sound.VOWEL : last == 8 ? Sound.RIEUL : Sound.CONSONANT;
    }
    char lower = Character.toLowerCase(c);
    if (lower >= '0' && lower <= '9') {
      return "178".indexOf(lower) >= 0 ? Sound.RIEUL : "036".indexOf(lower) >= 0 ? Sound.CONSONANT : Sound.VOWEL;
    }
    if (lower >= 'a' && lower <= 'z') {
      return "lr".indexOf(lower) >= 0 ? Sound.RIEUL : "mn".indexOf(lower) >= 0 ? Sound.CONSONANT : Sound.VOWEL;
    }
    return Sound.UNKNOWN;
  }
}
