package dev.topo.check.fix;

import dev.topo.check.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A change the editor can offer: a quick fix for a finding, a suppression, or a refactoring.
 * Its edits may touch several documents (a runtime added to a host in an imported file);
 * within one document they never overlap.
 *
 * @param finding the finding it fixes or silences, if it is about one
 * @param preferred whether it is the obvious fix, the one an editor may apply on request
 */
public record Fix(String title, Kind kind, Optional<Finding> finding, boolean preferred, List<Edit> edits) {
  /** What sort of change it is, which editors use to sort and filter them. */
  public enum Kind {
    /** Repairs what a finding reports. */
    QUICK_FIX,
    /** Silences a finding with a {@code topo-ignore} comment. */
    SUPPRESSION,
    /** Moves a piece of the topology elsewhere, changing no finding by itself. */
    REFACTOR_EXTRACT,
    /** Applies several quick fixes to a whole document at once. */
    FIX_ALL
  }

  public Fix {
    edits = List.copyOf(edits);
  }
}
