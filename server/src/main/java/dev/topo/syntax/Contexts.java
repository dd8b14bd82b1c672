package dev.topo.syntax;

import static dev.topo.grammar.TopologyParser.*;

import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Makes an empty context of a rule of the grammar, of the class the parser would make, so
 * that a copied tree answers {@code instanceof} and the generated accessors as the parse
 * did. A rule added to the grammar needs its line here; a test checks that every rule has
 * one.
 */
final class Contexts {
  private Contexts() {}

  static ParserRuleContext create(int rule, ParserRuleContext parent, int invokingState) {
    return switch (rule) {
      case RULE_file -> new FileContext(parent, invokingState);
      case RULE_statement -> new StatementContext(parent, invokingState);
      case RULE_importStmt -> new ImportStmtContext(parent, invokingState);
      case RULE_block -> new BlockContext(parent, invokingState);
      case RULE_blockKeyword -> new BlockKeywordContext(parent, invokingState);
      case RULE_property -> new PropertyContext(parent, invokingState);
      case RULE_value -> new ValueContext(parent, invokingState);
      case RULE_name -> new NameContext(parent, invokingState);
      default -> throw new IllegalStateException("no context for rule " + rule + " of the grammar");
    };
  }
}
