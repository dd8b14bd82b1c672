package dev.topo.ide;

import dev.topo.check.Finding;
import dev.topo.check.Severity;
import dev.topo.model.Message;
import dev.topo.model.ProblemCode;
import dev.topo.model.Related;
import dev.topo.model.Span;
import java.util.List;

/**
 * Which findings an editor shows, and each as a diagnostic: where, how serious, what, the rule
 * and its page, the other places it concerns, and what the editor may show differently.
 */
public final class Diagnostics {
  private Diagnostics() {}

  /** How an editor may show a diagnostic besides its severity. */
  public enum Tag {
    /** The text does nothing (a property given twice: only the first counts); editors fade it. */
    UNNECESSARY
  }

  /**
   * A finding as an editor shows it.
   *
   * @param code the rule's id (a face links it to the rule's page when it knows where the docs are)
   * @param related other places it concerns, possibly in other files
   */
  public record Diagnostic(Span span, Severity severity, Message text, String code,
      List<Related> related, List<Tag> tags) {
    public Diagnostic {
      related = List.copyOf(related);
      tags = List.copyOf(tags);
    }

    /** The message in English. */
    public String message() {
      return text.english();
    }
  }

  /** The diagnostics of the snapshot's document; info ones only when they are shown. */
  public static List<Diagnostic> of(Snapshot snapshot, boolean showInfo) {
    return shown(snapshot, showInfo).stream().map(Diagnostics::of).toList();
  }

  /** One finding as a diagnostic. */
  public static Diagnostic of(Finding finding) {
    String rule = finding.rule().id();
    boolean repeated = rule.equals(ProblemCode.MISPLACED_PROPERTY.id()) && finding.message().contains("given twice");
    return new Diagnostic(finding.span(), finding.severity(), finding.text(), rule,
        finding.related(), repeated ? List.of(Tag.UNNECESSARY) : List.of());
  }

  /** The findings an editor shows: info ones only when asked to. */
  static List<Finding> shown(Snapshot snapshot, boolean showInfo) {
    return snapshot.analysis().findings().stream()
        .filter(f -> f.severity() != Severity.INFO || showInfo)
        .toList();
  }
}
