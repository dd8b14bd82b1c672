package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a block may take a new name: the name must be an identifier, and it must not be
 * taken in the entity's scope (the program for hosts, VMs, clusters and pods; the enclosing
 * block for containers and modules), so that a rename never creates a duplicate-name finding.
 */
final class Renames {
  /** An identifier of the language. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private Renames() {}

  /** Why a text cannot be a name, or empty when it can. */
  static Optional<String> invalidName(String newName) {
    if (newName != null && IDENTIFIER.matcher(newName).matches()) {
      return Optional.empty();
    }
    return Optional.of("'" + newName + "' is not a valid name: a name starts with a letter or '_' and continues with"
        + " letters, digits, '_' or '-'");
  }

  /**
   * Why the entity cannot take the new name in this program, or empty. Containers and
   * modules clash only with their siblings of the same kind, as duplicate-name counts them.
   */
  static Optional<String> collision(Program program, Entity entity, String newName) {
    String prefix = "cannot rename " + entity.describe() + " to '" + newName + "': ";
    if (entity.kind().isGloballyNamed()) {
      return program.globallyNamed(newName).stream()
          .filter(other -> !References.samePlace(other.span(), entity.span()))
          .findFirst()
          .map(other -> prefix + other.describe() + " already has that name, and hosts, VMs, clusters and pods"
              + " need names unique across the program");
    }
    Optional<Entity> parent = program.parent(entity);
    List<Entity> siblings = parent.map(p -> p.children(entity.kind())).orElse(List.of());
    return siblings.stream()
        .filter(other -> !References.samePlace(other.span(), entity.span()) && other.name().text().equals(newName))
        .findFirst()
        .map(other -> prefix + "its " + parent.get().describe() + " already has a " + entity.kind().keyword()
            + " '" + newName + "', and " + entity.kind().keyword() + "s need names unique within their block");
  }
}
