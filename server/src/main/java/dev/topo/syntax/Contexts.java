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
      case RULE_osStmt -> new OsStmtContext(parent, invokingState);
      case RULE_cpuStmt -> new CpuStmtContext(parent, invokingState);
      case RULE_memoryStmt -> new MemoryStmtContext(parent, invokingState);
      case RULE_hypervisorStmt -> new HypervisorStmtContext(parent, invokingState);
      case RULE_runtimeStmt -> new RuntimeStmtContext(parent, invokingState);
      case RULE_libraryStmt -> new LibraryStmtContext(parent, invokingState);
      case RULE_imageStmt -> new ImageStmtContext(parent, invokingState);
      case RULE_privilegedStmt -> new PrivilegedStmtContext(parent, invokingState);
      case RULE_shareStmt -> new ShareStmtContext(parent, invokingState);
      case RULE_nodesStmt -> new NodesStmtContext(parent, invokingState);
      case RULE_replicasStmt -> new ReplicasStmtContext(parent, invokingState);
      case RULE_languageStmt -> new LanguageStmtContext(parent, invokingState);
      case RULE_requiresStmt -> new RequiresStmtContext(parent, invokingState);
      case RULE_loadStmt -> new LoadStmtContext(parent, invokingState);
      case RULE_nodeRef -> new NodeRefContext(parent, invokingState);
      case RULE_name -> new NameContext(parent, invokingState);
      default -> throw new IllegalStateException("no context for rule " + rule + " of the grammar");
    };
  }
}
