package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.edit.SourceEdit;
import dev.topo.check.fix.QuickFixes;
import dev.topo.check.fix.Refactorings;
import dev.topo.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an editor can offer for a range: the quick fixes and suppressions of the findings asked
 * about, a refactoring for a busy module, and all the obvious repairs of the document at once.
 * The fixes themselves are computed by the core ({@link QuickFixes}, {@link Refactorings});
 * this class picks the findings and which kinds to compute.
 */
public final class CodeActions {
  private CodeActions() {}

  /** What an action does, which editors put in different menus. */
  public enum Kind {
    /** Repairs or silences one finding. */
    QUICK_FIX,
    /** Moves a piece of the topology somewhere of its own. */
    REFACTOR_EXTRACT,
    /** Repairs every finding of the document that has an obvious repair. */
    SOURCE_FIX_ALL
  }

  /**
   * A finding the editor shows and asks about, as it has it: its rule's id and its range.
   * An editor's copy may be stale; then it stands for no finding.
   */
  public record Asked(String rule, int start, int end) {
    /** Whether this is the finding (same rule, same range). */
    public boolean standsFor(Finding finding) {
      return finding.rule().id().equals(rule) && finding.span().start() == start && finding.span().end() == end;
    }
  }

  /**
   * What to compute.
   *
   * @param start the range's start, an offset of the document
   * @param end its end, at or after the start
   * @param asked the findings the editor asks about; when none stands for a finding of ours,
   *     every finding whose range meets the requested one is
   * @param kinds the kinds of action to compute
   */
  public record Request(int start, int end, List<Asked> asked, Set<Kind> kinds) {
    public Request {
      end = Math.max(start, end);
      asked = List.copyOf(asked);
      kinds = Set.copyOf(kinds);
    }
  }

  /**
   * An action, with its edits (which may touch other documents than the one asked about).
   *
   * @param preferred whether it is the obvious repair, which an editor may apply on request
   * @param finding the finding it repairs or silences, for a quick fix
   */
  public record Action(Message label, Kind kind, List<SourceEdit> edits, boolean preferred, Optional<Finding> finding) {
    public Action {
      edits = List.copyOf(edits);
    }

    private Action(Fix fix, Kind kind) {
      this(fix.label(), kind, fix.edits(), fix.preferred(), fix.finding());
    }

    /** The title in English. */
    public String title() {
      return label.english();
    }
  }

  /** The actions for a range: quick fixes first, then refactorings, then the fix-all. */
  public static List<Action> in(Snapshot snapshot, Request request, boolean showInfo, Cancellation cancel) {
    List<Action> actions = new ArrayList<>();
    if (request.kinds().contains(Kind.QUICK_FIX)) {
      List<Finding> asked = findings(snapshot, request, showInfo);
      for (Fix fix : QuickFixes.of(snapshot.analysis().program(), snapshot.syntaxes(), asked)) {
        cancel.check();
        actions.add(new Action(fix, Kind.QUICK_FIX));
      }
    }
    if (request.kinds().contains(Kind.REFACTOR_EXTRACT)) {
      for (Fix fix : Refactorings.at(snapshot.analysis().program(), snapshot.syntaxes(), request.start(), request.end())) {
        actions.add(new Action(fix, Kind.REFACTOR_EXTRACT));
      }
    }
    if (request.kinds().contains(Kind.SOURCE_FIX_ALL)) {
      QuickFixes.fixAll(snapshot.analysis().program(), snapshot.syntaxes(), Diagnostics.shown(snapshot, showInfo))
          .ifPresent(fix -> actions.add(new Action(fix, Kind.SOURCE_FIX_ALL)));
    }
    return actions;
  }

  /**
   * The shown findings to fix: those the asked ones stand for, each once, or when the editor
   * asks about none of ours, those whose range meets the requested one.
   */
  private static List<Finding> findings(Snapshot snapshot, Request request, boolean showInfo) {
    List<Finding> shown = Diagnostics.shown(snapshot, showInfo);
    if (!request.asked().isEmpty()) {
      Set<Finding> result = new LinkedHashSet<>();
      for (Asked asked : request.asked()) {
        shown.stream().filter(f -> asked.standsFor(f) && !result.contains(f)).findFirst().ifPresent(result::add);
      }
      return List.copyOf(result);
    }
    List<Finding> result = new ArrayList<>();
    for (Finding f : shown) {
      if (f.span().start() <= request.end() && request.start() <= f.span().end()) {
        result.add(f);
      }
    }
    return result;
  }
}
