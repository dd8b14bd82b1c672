package dev.topo.knowledge;

import dev.topo.check.Rule;
import dev.topo.check.rules.Rules;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the docs pages that are generated from the knowledge base, so that the
 * knowledge base stays the one source: {@code docs/concepts.md} (and its Korean twin) and
 * one {@code docs/rules/RULE-ID.md} per rule. A test compares them with the committed files.
 */
final class KnowledgeDocs {
  /**
   * Concepts in the order a newcomer should read them, derived from the vocabulary: the
   * overview, then each block as it nests (a host, what it declares, then the blocks inside
   * it), each keyword followed by the words of its values that have entries of their own (the
   * namespaces after {@code share}), and last what no block holds ({@code import}).
   */
  static final List<String> TEACHING_ORDER = teachingOrder();

  private static List<String> teachingOrder() {
    Set<String> order = new LinkedHashSet<>(List.of(KnowledgeBase.OVERVIEW));
    for (Keyword keyword : Keyword.allowedStatements(null)) {
      keyword.declares().ifPresent(kind -> visit(kind, order));
    }
    for (Keyword keyword : Keyword.values()) {
      order.add(keyword.knowledgeEntry());
    }
    return List.copyOf(order);
  }

  private static void visit(EntityKind block, Set<String> order) {
    order.add(block.keyword());
    for (Keyword keyword : Keyword.allowedStatements(block)) {
      if (keyword.form() == Keyword.Form.PROPERTY) {
        order.add(keyword.knowledgeEntry());
        keyword.slots().stream().flatMap(s -> s.closed().stream())
            .filter(KnowledgeBase.conceptIds()::contains).forEach(order::add);
      }
    }
    for (Keyword keyword : Keyword.allowedStatements(block)) {
      keyword.declares().filter(kind -> !order.contains(kind.keyword())).ifPresent(kind -> visit(kind, order));
    }
  }

  private static final String GENERATED = "<!-- Generated from server/src/main/resources/dev/topo/knowledge by"
      + " KnowledgeDocsTest (mvn -B verify -Dtopo.updateDocs=true); edit the knowledge base, not this file. -->\n\n";

  private KnowledgeDocs() {}

  /** Page contents by path relative to the repository root. */
  static Map<String, String> render(KnowledgeBase kb) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("docs/concepts.md", concepts(kb, "en", "# Concepts\n\nWhat each word of the topology language means,"
        + " and the trade-offs behind it. [한국어](concepts.ko.md)\n"));
    pages.put("docs/concepts.ko.md", concepts(kb, "ko", "# 개념\n\n토폴로지 언어의 키워드마다 무엇을 뜻하는지, 그 뒤에 어떤 트레이드오프가 있는지 설명합니다."
        + " [English](concepts.md)\n"));
    StringBuilder index = new StringBuilder(GENERATED).append("# Rules\n\n| rule | default | what it finds |\n| --- | --- | --- |\n");
    for (Rule rule : Rules.all()) {
      Entry en = kb.rule(rule, "en").orElseThrow();
      index.append("| [`").append(rule.id()).append("`](").append(rule.id()).append(".md) | ")
          .append(rule.defaultSeverity().word()).append(" | ").append(en.summary()).append(" |\n");
      pages.put("docs/rules/" + rule.id() + ".md", rulePage(kb, rule));
    }
    pages.put("docs/rules/README.md", index.toString());
    return pages;
  }

  private static String concepts(KnowledgeBase kb, String lang, String heading) {
    StringBuilder page = new StringBuilder(GENERATED).append(heading);
    for (String id : TEACHING_ORDER) {
      page.append('\n').append(deeper(kb.entry(id, lang).orElseThrow().markdown())).append('\n');
    }
    return page.toString();
  }

  private static String rulePage(KnowledgeBase kb, Rule rule) {
    Entry en = kb.rule(rule, "en").orElseThrow();
    Entry ko = kb.rule(rule, "ko").orElseThrow();
    return GENERATED + en.markdown() + "\n\nRule id `" + rule.id() + "`, default severity **"
        + rule.defaultSeverity().word() + "**. `topo explain " + rule.id() + "` prints this page in the terminal.\n\n"
        + "## 한국어\n\n" + deeper(deeper(ko.markdown())) + "\n";
  }

  /** Moves every heading one level down, so an entry nests under the page's heading. */
  static String deeper(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      }
      out.append(!inCode && line.startsWith("#") ? "#" + line : line).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
