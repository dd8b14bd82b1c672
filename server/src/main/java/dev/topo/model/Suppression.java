package dev.topo.model;

import java.util.Set;

/**
 * A {@code // topo-ignore RULE-ID[, RULE-ID...] [reason]} comment and the statement it
 * applies to: findings of those rules that start inside {@code target} are silenced.
 */
public record Suppression(Span comment, Set<String> ruleIds, Span target, String reason) {
  public boolean silences(String ruleId, Span finding) {
    return ruleIds.contains(ruleId) && target.source().equals(finding.source())
        && target.start() <= finding.start() && finding.start() < target.end();
  }
}
