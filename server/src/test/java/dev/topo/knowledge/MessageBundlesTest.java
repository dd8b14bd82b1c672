package dev.topo.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles: both languages have the same keys, every key the code names exists and
 * every key is used, and no pattern loses a character to MessageFormat or to .properties.
 */
class MessageBundlesTest {
  static final Path BUNDLES = TestFiles.repo().resolve("server/src/main/resources/dev/topo/knowledge");
  static final Path SOURCES = TestFiles.repo().resolve("server/src/main/java");
  /** A key the code names whole: Message.of("key", ...) or Message.count("key", n). */
  static final Pattern NAMED = Pattern.compile("Message\\.(of|count)\\(\\s*\"([a-z][a-z0-9.-]*)\"\\s*[,)]");
  /** Any string literal that could be a key or the start of one ("entity." + kind). */
  static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(\\.[a-z0-9-]*)*)\"");

  static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  static String sources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
    Set<String> ko = new TreeSet<>(load("messages_ko.properties").stringPropertyNames());
    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(ko);
    Set<String> onlyKo = new TreeSet<>(ko);
    onlyKo.removeAll(en);
    assertEquals(Set.of(), onlyEn, "keys without Korean");
    assertEquals(Set.of(), onlyKo, "Korean keys without English");
  }

  @Test
  void everyKeyTheCodeNamesExists() throws IOException {
    Set<String> keys = load("messages.properties").stringPropertyNames();
    List<String> missing = new ArrayList<>();
    Matcher m = NAMED.matcher(sources());
    int named = 0;
    while (m.find()) {
      named++;
      List<String> wanted = m.group(1).equals("count") ? List.of(m.group(2) + ".one", m.group(2) + ".other")
          : List.of(m.group(2));
      wanted.stream().filter(k -> !keys.contains(k)).forEach(missing::add);
    }
    assertTrue(named > 100, "the pattern finds only " + named + " keys in the code: it no longer matches how they are named");
    assertEquals(List.of(), missing);
  }

  @Test
  void everyKeyIsUsed() throws IOException {
    Set<String> literals = new TreeSet<>();
    Matcher m = LITERAL.matcher(sources());
    while (m.find()) {
      literals.add(m.group(1));
    }
    List<String> unused = new ArrayList<>();
    for (String key : new TreeSet<>(load("messages.properties").stringPropertyNames())) {
      String counted = key.replaceFirst("\\.(one|other)$", "");
      boolean used = literals.contains(key) || literals.contains(counted)
          || literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l));
      if (!used) {
        unused.add(key);
      }
    }
    assertEquals(List.of(), unused);
  }

  @Test
  void noPatternLosesACharacter() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String file : List.of("messages.properties", "messages_ko.properties")) {
      for (String line : Files.readAllLines(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || !line.contains("=")) {
          continue;
        }
        String value = line.substring(line.indexOf('=') + 1);
        // A lone quote starts quoted text in MessageFormat and vanishes; .properties drops leading blanks.
        if (value.replace("''", "").contains("'") || value.startsWith(" ") || value.startsWith("\t")) {
          bad.add(file + ": " + line);
        }
      }
    }
    assertEquals(List.of(), bad);
  }
}
