package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Keyword;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The vocabulary (model/Keyword) and the generated lexer and parser agree on the language's words. */
class VocabularyTest {
  private static final URI SOURCE = URI.create("file:///vocabulary.topo");

  @Test
  void theLexersKeywordTokensAreExactlyTheVocabularysStructuralKeywords() {
    Set<String> literals = new TreeSet<>();
    for (int type = 1; type <= TopologyLexer.VOCABULARY.getMaxTokenType(); type++) {
      String literal = TopologyLexer.VOCABULARY.getLiteralName(type);
      if (literal != null && literal.matches("'[a-z-]+'")) {
        literals.add(literal.substring(1, literal.length() - 1));
      }
    }
    Set<String> structural = new TreeSet<>();
    for (Keyword k : Keyword.values()) {
      if (k.form() != Keyword.Form.PROPERTY) {
        structural.add(k.word());
      }
    }
    assertEquals(structural, literals, "import and block keywords are the grammar's tokens; properties are not");
  }

  @Test
  void theParserDeclaresThePropertyKeywordToken() {
    assertEquals("KEYWORD", TopologyParser.VOCABULARY.getSymbolicName(KeywordLexer.KEYWORD));
    assertEquals(null, TopologyLexer.VOCABULARY.getLiteralName(KeywordLexer.KEYWORD), "no lexer rule makes it");
  }

  @TestFactory
  Stream<DynamicTest> everyKeywordLexesAsAKeyword() {
    return Stream.of(Keyword.values()).map(k -> DynamicTest.dynamicTest(k.word(), () -> {
      Token token = KeywordLexer.of(k.word(), "t").nextToken();
      assertTrue(KeywordLexer.isKeyword(token.getType()), k.word() + " lexed as " + token.getType());
      assertEquals(k.form() == Keyword.Form.PROPERTY, token.getType() == KeywordLexer.KEYWORD);
    }));
  }

  @Test
  void aWordThatIsNoKeywordStaysAName() {
    assertEquals(TopologyLexer.IDENT, KeywordLexer.of("cpus", "t").nextToken().getType());
    assertFalse(Keyword.isProperty("host"));
  }

  /**
   * Each keyword's snippet, with its placeholders filled with their defaults and its choices
   * with their first word, is a statement that parses without a problem where it is allowed:
   * the snippet and the declared slots agree.
   */
  @TestFactory
  Stream<DynamicTest> everySnippetFilledInIsAValidStatementWhereItIsAllowed() {
    return Stream.of(Keyword.values()).map(k -> DynamicTest.dynamicTest(k.word(), () -> {
      String statement = fill(k);
      EntityKind block = Stream.of(EntityKind.values()).filter(k::allowedIn).findFirst().orElse(null);
      String text = block == null ? statement + "\n" : wrap(block, statement);
      FileModel model = TopologySyntax.parse(SOURCE, text);
      assertEquals("[]", model.problems().toString(), text);
    }));
  }

  /** The statement inside the blocks that lead to one of this kind (a pod is in a cluster, a vm in a host). */
  private static String wrap(EntityKind block, String statement) {
    String inner = block.keyword() + " b {\n" + statement + "\n}";
    for (EntityKind outer = parentOf(block); outer != null; outer = parentOf(outer)) {
      inner = outer.keyword() + " o" + outer.ordinal() + " {\n" + inner + "\n}";
    }
    return inner + "\n";
  }

  private static EntityKind parentOf(EntityKind kind) {
    Keyword keyword = Keyword.of(kind.keyword()).orElseThrow();
    return keyword.allowedIn(null) ? null
        : Stream.of(EntityKind.values()).filter(keyword::allowedIn).findFirst().orElseThrow();
  }

  private static final Pattern CHOICE = Pattern.compile("\\$\\{\\d+\\|@([a-z-]+)\\|\\}");

  private static String fill(Keyword k) {
    Matcher m = CHOICE.matcher(k.snippet());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String of = m.group(1);
      String word = of.equals(Keyword.NODES.word()) ? "n1" : Keyword.of(of).orElseThrow().slots().get(0).words().get(0);
      m.appendReplacement(out, Matcher.quoteReplacement(word));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\$\\{\\d+:([^}]*)\\}", "$1").replaceAll("\\$\\d+", "").replace("\t", "  ");
  }
}
