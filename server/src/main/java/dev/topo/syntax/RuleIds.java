package dev.topo.syntax;

/** The ids of the rules whose problems are found while building the model. */
final class RuleIds {
  static final String SYNTAX = "syntax";
  static final String MISPLACED_PROPERTY = "misplaced-property";
  static final String INVALID_VALUE = "invalid-value";

  private RuleIds() {}
}
