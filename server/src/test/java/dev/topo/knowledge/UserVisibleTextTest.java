package dev.topo.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No English sentence is written in the code of the faces and of what they show: the
 * editor features ({@code ide}), the rules, the parser's problems ({@code syntax}), the
 * server ({@code lsp}) and the command line ({@code cli}) take their words from the message
 * bundles, so that a new message cannot skip the Korean bundle. The scan reads every string
 * literal of those packages, comments and annotations left out, and fails on one that reads
 * as prose: two lowercase words or more ("not declared", "given to "). Identifiers, keys,
 * Markdown, formats and single words pass. What is still English on purpose is listed in
 * {@link #KNOWN}, each with why; an entry that no longer matches fails too, so the list
 * only shrinks.
 */
class UserVisibleTextTest {
  static final Path SOURCES = TestFiles.repo().resolve("server/src/main/java/dev/topo");
  static final List<String> PACKAGES = List.of("ide", "check/rules", "syntax", "lsp", "cli");
  /** Two words of letters in a row, the first possibly capitalised: "not declared", "Did you mean". */
  static final Pattern PROSE = Pattern.compile("(?<![\\w.$/-])[A-Za-z][a-z]+ [a-z]{2,}(?![\\w/-])");
  /** An annotation with its arguments (picocli's help, which picocli prints): one level of parentheses inside. */
  static final Pattern ANNOTATION = Pattern.compile(
      "@\\w+\\((?:[^()\"]|\"(?:\\\\.|[^\"\\\\])*\"|\\((?:[^()\"]|\"(?:\\\\.|[^\"\\\\])*\")*\\))*\\)");
  /**
   * A rule's {@code Info}: its one-line title and when it fires, for the specification's table
   * of rules, which is generated in English; users read each rule's title and summary from the
   * knowledge base, in their language.
   */
  static final Pattern RULE_INFO = Pattern.compile("new Info\\((?:[^;\"]|\"(?:\\\\.|[^\"\\\\])*\")*\\);");
  /** What is not shown to a user as it is: an exception for a bug, the server's log, a debug trace. */
  static final Pattern INTERNAL = Pattern.compile(
      "new (Illegal\\w+|AssertionError|UnsupportedOperationException|Unchecked\\w+|ResponseErrorException)\\(|\\blog\\(|\\[topo\\]");

  /**
   * English left on purpose, one "FILE: LITERAL" a line, under a comment that says what it
   * is and why it stays. Shrink it as these move to the bundles.
   */
  static final Path KNOWN = TestFiles.repo().resolve("server/src/test/resources/user-visible-english.txt");

  static Set<String> known() throws IOException {
    return Files.readAllLines(KNOWN).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Java source with comments and annotations blanked out, string literals kept, lines kept. */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        String comment = source.substring(i, end < 0 ? source.length() : end + 2);
        out.append(comment.replaceAll("[^\\n]", " "));
        i += comment.length();
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        String block = source.substring(i, end < 0 ? source.length() : end + 3);
        out.append(block);
        i += block.length();
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(source, i, Math.min(j + 1, source.length()));
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    String code = out.toString();
    for (Pattern left : List.of(ANNOTATION, RULE_INFO)) {
      code = left.matcher(code).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
    }
    return code;
  }

  static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"");

  /** "FILE: LITERAL" for every literal of the packages that reads as English prose. */
  static List<String> prose() throws IOException {
    List<String> found = new ArrayList<>();
    for (String pkg : PACKAGES) {
      try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String name = SOURCES.relativize(file).toString().replace('\\', '/');
          String[] lines = code(Files.readString(file)).split("\n", -1);
          for (String line : lines) {
            if (INTERNAL.matcher(line).find()) {
              continue;
            }
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
              if (PROSE.matcher(literal.group(1)).find()) {
                found.add((name + ": " + literal.group(1)).strip()); // as a line of the list keeps it
              }
            }
          }
        }
      }
    }
    return found;
  }

  @Test
  void theScanFindsProseAndPassesTheRest() {
    String code = code("""
        // a comment that says something
        @Option(names = "--x", description = {"Print the things", "and more (%s)."})
        String a = "not declared";
        Message b = Message.of("hover.label." + label, "`" + x + "` (");
        """);
    Matcher literal = LITERAL.matcher(code);
    List<String> prose = new ArrayList<>();
    while (literal.find()) {
      if (PROSE.matcher(literal.group(1)).find()) {
        prose.add(literal.group(1));
      }
    }
    assertEquals(List.of("not declared"), prose);
  }

  @Test
  void noEnglishProseIsWrittenOutsideTheBundles() throws IOException {
    List<String> found = prose();
    Set<String> known = known();
    List<String> unknown = found.stream().filter(f -> !known.contains(f)).toList();
    assertEquals(List.of(), unknown, "English written in code: put it in messages.properties and messages_ko.properties");
    List<String> gone = known.stream().filter(k -> !found.contains(k)).toList();
    assertEquals(List.of(), gone, "no longer found: take it off " + KNOWN.getFileName());
  }
}
