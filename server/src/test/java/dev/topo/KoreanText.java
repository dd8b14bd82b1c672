package dev.topo;

import dev.topo.check.rules.Rules;
import dev.topo.model.Arch;
import dev.topo.model.Isolation;
import dev.topo.model.Keyword;
import dev.topo.model.Namespace;
import dev.topo.model.OsFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds English in text shown to a Korean user: the Latin words that are neither quoted,
 * code, numbers, units, words of the language, rule ids, the samples' library names nor the
 * names of products. Shared by the CLI's scan ({@code KoreanOutputTest}) and the language
 * server's ({@code KoreanLocaleTest}).
 */
public final class KoreanText {
  private KoreanText() {}

  /** Names, values and code a message quotes: 'web', "1.2", `cpu 1`. */
  public static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
  /** Code a message cites as it is written: labels (pool=gpu), paths, JVM flags (-XX:MaxRAMPercentage, -Xmx). */
  public static final Pattern CODE = Pattern.compile("\\S*[=/]\\S*|(?<!\\S)-[-\\w:]+");
  /** Numbers, with what is glued to them: units (512Mi), versions (8u191, 1.8.0_292, v2, 24H2), tags (ltsc2022). */
  public static final Pattern NUMBERED = Pattern.compile("[\\w.+-]*\\d[\\w.+-]*");
  /** A Latin word: what is left must be a word the user writes in topo files, or a product's name. */
  public static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z-]+");
  /** Product names and acronyms a Korean engineer writes in Latin letters. */
  public static final Set<String> NAMES = Set.of("Linux", "Windows", "Server", "macOS", "FreeBSD", "Hyper-V", "CPU", "OS",
      "JDK", "JVM", "OOM", "cgroup", "Ubuntu", "CentOS", "RHEL", "Rocky", "Debian", "Alpine", "topo-ignore", "qemu",
      "topo", "VM", "Kubernetes", "Docker", "IP", "PID", "ID");

  /** Units of memory, after a number and a space ("4 GiB") or named alone ("use Ki, Mi"). */
  public static final Set<String> UNITS = Set.of("Ki", "Mi", "Gi", "Ti", "KiB", "MiB", "GiB", "TiB", "KB", "MB", "GB", "TB");
  /** A comment of a topo file: prose for its reader, not code that a message may echo. */
  public static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  /**
   * The words of the language (keywords and their values), the rule ids, and every word the
   * samples' code holds (names, values such as {@code containerd} or {@code high}, library
   * names and versions): the server may echo what the user wrote without quoting it.
   */
  public static Set<String> ids() {
    Set<String> ids = new HashSet<>(NAMES);
    ids.addAll(UNITS);
    try (Stream<Path> files = Files.walk(TestFiles.samples())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".topo")).toList()) {
        Matcher m = LATIN.matcher(code(Files.readString(file)));
        while (m.find()) {
          ids.add(m.group());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Arrays.stream(Keyword.values()).map(Keyword::word).forEach(ids::add);
    Arrays.stream(Namespace.values()).map(Namespace::word).forEach(ids::add);
    Arrays.stream(OsFamily.values()).map(OsFamily::word).forEach(ids::add);
    Arrays.stream(Isolation.values()).map(Isolation::word).forEach(ids::add);
    Arrays.stream(Arch.values()).map(Arch::word).forEach(ids::add);
    Rules.all().forEach(r -> ids.add(r.id()));
    return ids;
  }

  /** A topo file's text with its comments blanked out, every offset kept. */
  public static String code(String text) {
    return COMMENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
  }

  /** The Latin words of a message that are neither quoted, code, numbers, ids nor names. */
  public static List<String> english(String message, Set<String> ids) {
    String rest = CODE.matcher(QUOTED.matcher(message).replaceAll(" ")).replaceAll(" ");
    rest = NUMBERED.matcher(rest).replaceAll(" ");
    List<String> words = new ArrayList<>();
    Matcher m = LATIN.matcher(rest);
    while (m.find()) {
      if (!ids.contains(m.group())) {
        words.add(m.group());
      }
    }
    return words;
  }

}
