package dev.topo.knowledge;

import dev.topo.check.Rule;
import dev.topo.check.rules.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the docs pages that are generated from the knowledge base, so that the
 * knowledge base stays the one source: {@code docs/concepts.md} (and its Korean twin) and
 * one {@code docs/rules/RULE-ID.md} per rule. A test compares them with the committed files.
 */
final class KnowledgeDocs {
  /** Concepts in the order a newcomer should read them. */
  static final List<String> TEACHING_ORDER = List.of(
      "overview", "host", "os", "hypervisor", "vm", "runtime", "container", "image", "library", "requires",
      "cpu", "memory", "privileged", "share", "network", "pid", "ipc", "uts", "mount", "user",
      "module", "language", "load", "cluster", "nodes", "pod", "replicas", "import");

  private static final String GENERATED = "<!-- Generated from server/src/main/resources/dev/topo/knowledge by"
      + " KnowledgeDocsTest (mvn -B verify -Dtopo.updateDocs=true); edit the knowledge base, not this file. -->\n\n";

  private KnowledgeDocs() {}

  /** Page contents by path relative to the repository root. */
  static Map<String, String> render(KnowledgeBase kb) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("docs/concepts.md", concepts(kb, "en", "# Concepts\n\nWhat each word of the topology language means,"
        + " and the trade-offs behind it. [한국어](concepts.ko.md)\n"));
    pages.put("docs/concepts.ko.md", concepts(kb, "ko", "# 개념\n\n토폴로지 언어의 각 낱말이 뜻하는 것과 그 뒤의 장단점."
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
