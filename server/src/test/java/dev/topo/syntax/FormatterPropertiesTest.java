package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.grammar.TopologyLexer;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Extent;
import dev.topo.model.FileModel;
import dev.topo.model.Properties;
import dev.topo.model.Suppression;
import dev.topo.syntax.Formatter.Edit;
import dev.topo.syntax.Formatter.Options;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Formatting never loses anything (issue 7, "nothing lost"): on every sample, on every
 * snippet of the knowledge base and on 500 seeded random mutations of the samples that still
 * parse, it is idempotent, keeps every comment and every token but white space and {@code ;}
 * in order, and leaves the model (a rendering without source positions) and the findings as
 * they were. Range formatting of random ranges converges on the same text. A text that does
 * not parse gets no edit at all.
 *
 * <p>The checks here are written independently of the formatter's own safety checks: the
 * tokens come from the lexer directly, the model is rendered by reflection.
 */
@Slow
class FormatterPropertiesTest {
  private static final long SEED = 20_261_126L;
  private static final int MUTANTS = 500;

  @TestFactory
  Stream<DynamicTest> everySample() throws IOException {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      List<Path> files = walk.filter(p -> p.toString().endsWith(".topo")).sorted().toList();
      assertFalse(files.isEmpty());
      return files.stream().map(f -> DynamicTest.dynamicTest(TestFiles.samples().relativize(f).toString(),
          () -> check(Files.readString(f, StandardCharsets.UTF_8), f.hashCode())));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyKnowledgeSnippet() {
    List<DynamicTest> tests = new ArrayList<>();
    KnowledgeBase kb = KnowledgeBase.get();
    for (String language : KnowledgeBase.LANGUAGES) {
      for (String id : kb.ids()) {
        List<String> snippets = kb.entry(id, language).orElseThrow().snippets();
        for (int i = 0; i < snippets.size(); i++) {
          String snippet = snippets.get(i);
          int n = i;
          tests.add(DynamicTest.dynamicTest(language + "/" + id + "#" + i, () -> check(snippet, id.hashCode() + n)));
        }
      }
    }
    assertTrue(tests.size() > 20, "the knowledge base has snippets");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> fiveHundredMutationsOfTheSamplesThatStillParse() throws IOException {
    List<String> samples;
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      samples = walk.filter(p -> p.toString().endsWith(".topo")).sorted().map(FormatterPropertiesTest::read).toList();
    }
    Random random = new Random(SEED);
    List<DynamicTest> tests = new ArrayList<>();
    int attempts = 0;
    while (tests.size() < MUTANTS && attempts < 50 * MUTANTS) {
      attempts++;
      String sample = samples.get(random.nextInt(samples.size()));
      String mutant = TokenMutator.mutate(sample, random);
      if (Formatter.isFormattable(mutant)) {
        long seed = random.nextLong();
        tests.add(DynamicTest.dynamicTest("mutant " + tests.size(), () -> check(mutant, seed)));
      } else {
        assertEquals(Optional.empty(), Formatter.format(mutant, Options.DEFAULT), "formatted a text that does not parse");
        assertEquals(Optional.empty(), Formatter.formatDocument(mutant, Options.DEFAULT));
      }
    }
    assertEquals(MUTANTS, tests.size(), "too few mutants parse");
    return tests.stream();
  }

  /**
   * Formatting twice gives what formatting once gave, whatever mix of CRLF, LF and CR the
   * lines end with, comments included: 2,000 mixes here, 100,000 in the long run.
   */
  @Test
  void randomLineEndMixesFormatToThemselves() {
    List<String> texts = new ArrayList<>(List.of("host a {\n} /* x\n*/\n", "// c\nhost a { cpu // c\n 0.5 }\n/* a\nb */\n"));
    KnowledgeBase kb = KnowledgeBase.get();
    for (String id : kb.ids()) {
      texts.addAll(kb.entry(id, "en").orElseThrow().snippets());
    }
    Random random = new Random(SEED + 2);
    String[] breaks = {"\n", "\r\n", "\r"};
    int mixes = Integer.getInteger("topo.lineEndMixes", 2_000);
    for (int i = 0; i < mixes; i++) {
      String text = texts.get(i % texts.size());
      StringBuilder mixed = new StringBuilder(text.length() + 16);
      for (char c : text.toCharArray()) {
        mixed.append(c == '\n' ? breaks[random.nextInt(breaks.length)] : String.valueOf(c));
      }
      String once = Formatter.format(mixed.toString(), Options.DEFAULT).orElse(null);
      if (once != null) {
        String twice = Formatter.format(once, Options.DEFAULT).orElseThrow();
        if (!once.equals(twice)) {
          assertEquals(escaped(once), escaped(twice), "not idempotent for " + escaped(mixed.toString()));
        }
      }
    }
  }

  private static String escaped(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n\n");
  }

  @Test
  void theMutatorMakesTextsThatDoNotParseTooAndTheyAreNeverFormatted() {
    Random random = new Random(SEED + 1);
    String sample = read(TestFiles.samples().resolve("shop.topo"));
    int broken = 0;
    for (int i = 0; i < 200; i++) {
      String mutant = TokenMutator.mutate(sample, random);
      if (!Formatter.isFormattable(mutant)) {
        broken++;
        int from = random.nextInt(mutant.length() + 1);
        assertEquals(Optional.empty(), Formatter.format(mutant, Options.DEFAULT));
        assertEquals(Optional.empty(), Formatter.formatRange(mutant, from, mutant.length(), Options.DEFAULT));
      }
    }
    assertTrue(broken > 10, "the mutator should break some texts, not only reflow them: " + broken);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every property, for one text. */
  static void check(String text, long seed) {
    Optional<String> once = Formatter.format(text, Options.DEFAULT);
    if (!Formatter.isFormattable(text)) {
      assertEquals(Optional.empty(), once, "a text with syntax problems was formatted");
      assertEquals(Optional.empty(), Formatter.formatDocument(text, Options.DEFAULT));
      assertEquals(Optional.empty(), Formatter.formatRange(text, 0, text.length(), Options.DEFAULT));
      return;
    }
    String formatted = once.orElseThrow(() -> new AssertionError("a text that parses was not formatted:\n" + text));
    assertEquals(formatted, Formatter.format(formatted, Options.DEFAULT).orElseThrow(), "not idempotent");
    assertSame(text, formatted);
    assertCanonical(formatted);

    Optional<Edit> edit = Formatter.formatDocument(text, Options.DEFAULT);
    assertEquals(formatted, edit.map(e -> e.applyTo(text)).orElse(text), "the document edit");
    assertEquals(formatted.equals(text), edit.isEmpty());

    Random random = new Random(seed);
    for (int i = 0; i < 2; i++) {
      int a = random.nextInt(text.length() + 1);
      int b = Math.min(text.length(), a + random.nextInt(80));
      String ranged = Formatter.formatRange(text, a, b, Options.DEFAULT).map(e -> e.applyTo(text)).orElse(text);
      assertTrue(Formatter.isFormattable(ranged), "range formatting broke the text:\n" + ranged);
      assertEquals(significant(text), significant(ranged), "range formatting changed the tokens");
      assertEquals(model(text), model(ranged), "range formatting changed the model");
      assertEquals(formatted, Formatter.format(ranged, Options.DEFAULT).orElseThrow(), "range " + a + ".." + b);
    }

    String tabs = Formatter.format(text, Options.of(4, false)).orElseThrow();
    assertEquals(significant(formatted), significant(tabs));
  }

  /** Same tokens but white space and semicolons, same model, same findings. */
  static void assertSame(String before, String after) {
    assertEquals(significant(before), significant(after), "the tokens changed");
    assertEquals(model(before), model(after), "the model changed");
    assertEquals(findings(before), findings(after), "the findings changed");
  }

  /** No semicolon, no run of blank lines, a final line break, nothing before the first token. */
  private static void assertCanonical(String formatted) {
    if (formatted.isEmpty()) {
      return;
    }
    assertTrue(formatted.endsWith("\n"), "no final line break");
    for (Token t : tokens(formatted)) {
      if (t.getType() == TopologyLexer.SEMI) {
        fail("a semicolon is left at " + t.getStartIndex());
      }
      if (t.getType() == TopologyLexer.WS && t.getText().chars().filter(c -> c == '\n').count() > 2) {
        fail("more than one blank line at " + t.getStartIndex());
      }
      if (t.getType() == TopologyLexer.WS && t.getStartIndex() == 0 && !t.getText().equals("\uFEFF")) {
        fail("white space before the first token");
      }
      if (t.getType() == TopologyLexer.WS && t.getText().matches("(?s).*[ \\t]\\n.*")) {
        fail("trailing white space at " + t.getStartIndex());
      }
    }
  }

  private static List<? extends Token> tokens(String text) {
    return new TopologyLexer(CharStreams.fromString(text)).getAllTokens();
  }

  /** Every token but white space and ';', line comments without trailing blanks. */
  static List<String> significant(String text) {
    List<String> result = new ArrayList<>();
    for (Token t : tokens(text)) {
      if (t.getType() == TopologyLexer.WS || t.getType() == TopologyLexer.SEMI) {
        continue;
      }
      String s = t.getText();
      if (t.getType() == TopologyLexer.LINE_COMMENT) {
        s = s.replaceAll("[ \\t\\f]+$", "");
      }
      result.add(TopologyLexer.VOCABULARY.getSymbolicName(t.getType()) + " " + s);
    }
    return result;
  }

  /**
   * The code of a statement, comments left out: a suppression's target is its statement,
   * and a statement's span may hold a comment that formatting moves out of it (a trailing
   * {@code topo-ignore} before a {@code ;} on a later line, which formatting drops).
   */
  private static List<String> code(String statement) {
    return significant(statement).stream()
        .filter(t -> !t.startsWith("LINE_COMMENT ") && !t.startsWith("BLOCK_COMMENT ")).toList();
  }

  /** The file's model, rendered by reflection without any span; a suppression names its target by its code. */
  static String model(String text) {
    FileModel file = TopologySyntax.parse(MemorySources.uri("main.topo"), text);
    StringBuilder out = new StringBuilder();
    render(file.imports(), out);
    render(file.declarations(), out);
    render(file.problems(), out);
    for (Suppression s : file.suppressions()) {
      out.append("suppress ").append(new java.util.TreeSet<>(s.ruleIds())).append(' ').append(s.reason()).append(" on ")
          .append(code(text.substring(s.target().start(), s.target().end()))).append('\n');
    }
    return out.toString();
  }

  private static void render(Object value, StringBuilder out) {
    if (value instanceof Extent) {
      return;
    }
    if (value instanceof Properties properties) { // two maps of records, as a record of them renders
      out.append("Properties(single=");
      render(properties.single(), out);
      out.append(" repeated=");
      render(properties.repeated(), out);
      out.append(" )");
      return;
    }
    if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        if (Extent.class.isAssignableFrom(c.getType())) {
          continue;
        }
        out.append(c.getName()).append('=');
        try {
          render(c.getAccessor().invoke(record), out);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        out.append(' ');
      }
      out.append(')');
    } else if (value instanceof Optional<?> optional) {
      out.append('?');
      optional.ifPresent(v -> render(v, out));
    } else if (value instanceof java.util.Map<?, ?> map) {
      out.append('{');
      new java.util.TreeMap<>(map).forEach((k, v) -> {
        out.append(k).append('=');
        render(v, out);
        out.append(',');
      });
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      list.forEach(v -> {
        render(v, out);
        out.append(',');
      });
      out.append(']');
    } else {
      out.append(value);
    }
  }

  static List<String> findings(String text) {
    URI uri = MemorySources.uri("main.topo");
    MemorySources sources = new MemorySources().with("main.topo", text);
    return new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(uri, text, Cancellation.NONE).findings().stream()
        .map(f -> f.rule().id() + ": " + f.message()).sorted().toList();
  }
}
