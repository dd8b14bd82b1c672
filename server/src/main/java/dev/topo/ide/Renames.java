package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.model.Message;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a block may take a new name: the name must be one a file can write (quoted when it
 * is not an identifier: {@code "ip-10-0-1-23.ec2.internal"}), and it must not be
 * taken in the entity's scope (the program for hosts, VMs, clusters and pods; the enclosing
 * block for containers and modules), so that a rename never creates a duplicate-name finding.
 */
final class Renames {
  /** A name typed with its quotes, as a file writes it: {@code "web.v2"}. */
  private static final Pattern TYPED_QUOTED = Pattern.compile("\"([^\"\\\\]+)\"");

  private Renames() {}

  /**
   * The name a user typed: the text itself, or what its quotes hold when it is typed quoted
   * as a file writes it ({@code "web.v2"} is the name {@code web.v2}).
   */
  static String typed(String newName) {
    Matcher quoted = newName == null ? null : TYPED_QUOTED.matcher(newName);
    return quoted != null && quoted.matches() ? quoted.group(1) : newName;
  }

  /**
   * Why a text cannot be a name, or empty when it can: a name is not empty, has no line break
   * or other control character (a quoted name is one line) and no space at either end.
   */
  static Optional<Message> invalidName(String newName) {
    if (newName != null && !newName.isEmpty() && newName.strip().equals(newName)
        && newName.chars().noneMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(Message.of("rename.invalid", "'" + newName + "'"));
  }

  /**
   * Why the entity cannot take the new name in this program, or empty. Containers and
   * modules clash only with their siblings of the same kind, as duplicate-name counts them.
   */
  static Optional<Message> collision(Program program, Entity entity, String newName) {
    return collision(program, entity, program.span(entity), newName);
  }

  /**
   * As {@link #collision(Program, Entity, String)}, for an entity that may be of another program
   * (another file's, which may hold its own parse of the entity's file): where it is, as its own
   * program places it.
   */
  static Optional<Message> collision(Program program, Entity entity, Span declared, String newName) {
    String named = "'" + newName + "'";
    if (entity.kind().isGloballyNamed()) {
      return program.globallyNamed(newName).stream()
          .filter(other -> !References.samePlace(program.span(other), declared))
          .findFirst()
          .map(other -> Message.of("rename.taken.global", entity.described(), named, other.described()));
    }
    Optional<Entity> parent = program.parent(entity);
    List<Entity> siblings = parent.map(p -> p.children(entity.kind())).orElse(List.of());
    return siblings.stream()
        .filter(other -> !References.samePlace(program.span(other), declared) && other.name().text().equals(newName))
        .findFirst()
        .map(other -> Message.of("rename.taken.sibling", entity.described(), named, parent.get().described(),
            Message.of("hover.kinds." + entity.kind().keyword())));
  }
}
