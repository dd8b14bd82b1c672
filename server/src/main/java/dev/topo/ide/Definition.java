package dev.topo.ide;

import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.net.URI;
import java.util.Optional;

/**
 * Go to definition: a node reference goes to its host or VM (perhaps in an imported file), an
 * import path to the start of the imported file, a {@code requires} to the {@code library} of
 * the module's enclosing block that satisfies it, and a declaration to itself (editors then
 * offer references).
 */
public final class Definition {
  private Definition() {}

  /**
   * Where the word under the cursor ({@code origin}) leads: the whole of the definition, and
   * the part to select in it (its name). Both are in a file of the snapshot's program.
   */
  public record Result(Span origin, Span whole, Span name) {}

  public static Optional<Result> at(Snapshot snapshot, int offset, Workspace workspace) {
    return Locator.at(snapshot.file(), offset).flatMap(target -> of(snapshot, target, workspace));
  }

  private static Optional<Result> of(Snapshot snapshot, Target target, Workspace workspace) {
    if (target instanceof Target.ImportPath path) {
      URI from = snapshot.file().uri();
      return workspace.loader(from).target(from, path.anImport()).map(uri -> {
        Span start = new Span(uri, 0, 0);
        return new Result(target.span(), start, start);
      });
    }
    var program = snapshot.analysis().program();
    return References.entity(program, target)
        .map(e -> new Result(target.span(), program.span(e), program.span(e.name())))
        .or(() -> References.library(program, target)
            .map(p -> new Result(target.span(), program.span(p.library()), program.span(p.library().name()))));
  }
}
