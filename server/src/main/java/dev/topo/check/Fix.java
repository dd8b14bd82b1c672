package dev.topo.check;

import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Message;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A change the editor can offer: a repair or a suppression of a finding, or a refactoring.
 * Its edits may touch several documents (a runtime added to a host in an imported file);
 * within one document they never overlap.
 *
 * @param finding the finding it repairs or silences, if it is about one
 * @param preferred whether it is the obvious repair, the one an editor may apply on request
 */
public record Fix(Message label, Optional<Finding> finding, boolean preferred, List<SourceEdit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }

  /** The title in English. */
  public String title() {
    return label.english();
  }

  public String title(Locale locale) {
    return label.text(locale);
  }

  /** The obvious repair of a finding. */
  public static Fix repair(Message title, Finding finding, List<SourceEdit> edits) {
    return new Fix(title, Optional.of(finding), true, edits);
  }
}
