package dev.topo.knowledge;

import java.util.Map;

/**
 * The sections of a rule page, in the order every page has them, with their headings in
 * each language of the knowledge base (a test holds every page to this list).
 */
public enum RuleSection {
  WHY("Why it matters", "왜 문제인가"),
  HOW_TO_FIX("How to fix", "고치는 방법"),
  SEVERITY("Severity", "심각도"),
  MODEL_LIMITS("Model limits", "모델의 한계"),
  RELATED("Related rules", "관련 규칙"),
  SUPPRESSING("Suppressing it", "억제하는 방법"),
  QUICK_FIXES("Quick fixes", "빠른 수정"),
  FURTHER_READING("Further reading", "더 읽을거리");

  private final Map<String, String> headings;

  RuleSection(String en, String ko) {
    this.headings = Map.of("en", en, "ko", ko);
  }

  /** The heading as written after "## " in a page of that language ("en", "ko"). */
  public String heading(String language) {
    return headings.get(KnowledgeBase.language(language));
  }
}
