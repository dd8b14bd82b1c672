package dev.topo.check;

import dev.topo.workspace.Program;
import java.util.List;
import java.util.Map;

/**
 * One check over a linked program, with what the rest of the tool needs to know about it:
 * its id, default severity and description, and the repairs it offers for its findings.
 * Rules are stateless: one instance serves every analysis. A public class of
 * {@code dev.topo.check.rules} that implements this interface, with a public constructor
 * without parameters, is registered by being compiled (see {@code Rules}).
 */
public interface Rule {
  /**
   * What a rule is, for configuration, output and the documentation.
   *
   * @param id the stable id, used in output, configuration, suppressions and the knowledge base
   * @param defaultSeverity the severity of its findings unless configured otherwise
   * @param title one line: what it finds
   * @param firesWhen for the specification's table of rules, in Markdown: exactly when it reports
   * @param reportedAt for that table, in Markdown: which place a finding points at
   */
  record Info(String id, Severity defaultSeverity, String title, String firesWhen, String reportedAt) {}

  Info info();

  default String id() {
    return info().id();
  }

  default Severity defaultSeverity() {
    return info().defaultSeverity();
  }

  default String title() {
    return info().title();
  }

  void check(Program program, Acceptor acceptor);

  /** What a rule's findings depend on, which tells what an edit makes it check again. */
  enum Scope {
    /** Anything in the program: checked again after every edit. */
    PROGRAM,
    /**
     * Within a top-level block, each finding (its place, message, related places and data)
     * follows from the block's own text, and is about an entity
     * the rule was shown by {@link Program#checked} or {@link Program#forEachChecked}; in a
     * cluster, from the cluster's text and its nodes' blocks (a pod runs on nodes declared
     * elsewhere). An edit then re-checks only the blocks it changed ({@link BlockFindings}),
     * and a cluster also when a changed or removed block declares one of its nodes' names.
     * {@code IncrementalCheckTest} holds each such rule to a full check.
     */
    BLOCK,
    /**
     * As {@link #BLOCK}, in clusters too: each finding follows from its top-level block's text
     * alone, whatever the block, for the rule reads nothing of another (not a pod's nodes).
     * An edit then re-checks only the blocks it changed, a cluster included only when it is
     * one of them: a cluster's pods are most of what a design with one has to check.
     */
    CONTAINED
  }

  default Scope scope() {
    return Scope.PROGRAM;
  }

  /**
   * The choices a rule offers in {@code .topo.json} ({@code "unpinned-image": ["warning", {"pin":
   * "digest"}]}): each option's words, its default first. Most rules have none.
   */
  default Map<String, List<String>> options() {
    return Map.of();
  }

  /** Checks with the options configured, every option given (the defaults filled in). */
  default void check(Program program, Acceptor acceptor, Map<String, String> options) {
    check(program, acceptor);
  }

  /**
   * The repairs of one of its findings, the obvious one marked preferred; none by default.
   * What the rule knew when it reported is in the finding's {@link Finding#data() data}.
   */
  default List<Fix> fixes(FixContext context, Finding finding) {
    return List.of();
  }
}
