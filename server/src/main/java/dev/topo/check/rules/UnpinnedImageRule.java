package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Image;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.Optional;

/**
 * An image is what makes a container reproducible: without one, or with a tag that moves
 * ({@code latest}, or none, which means latest), each deployment may run different libraries.
 */
public final class UnpinnedImageRule implements Rule {
  private static final Info INFO = new Info("unpinned-image", Severity.WARNING,
      "A container image has no tag, or the tag latest",
      "A container has no `image`, or its image is [not pinned](#pinned-images): no digest, and no tag or "
          + "the tag `latest`.",
      "the container's name (no image), or the `image`");

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      Optional<Property<Image>> image = container.properties().image();
      if (image.isEmpty()) {
        acceptor.report(container.name(), container.describe()
            + " has no image, so nothing fixes which libraries it runs with");
        continue;
      }
      Image value = image.get().value();
      if (value == null || value.isPinned()) {
        continue;
      }
      String why = value.digest().isPresent() ? "has a digest that is not algorithm:hex, so it pins nothing"
          : value.tag().isPresent() ? "uses the tag 'latest', which moves with every release"
          : "has no tag, which means 'latest' and moves with every release";
      acceptor.report(image.get(), "image '" + value.reference() + "' of " + container.describe() + " " + why
          + ": pin a version tag or a digest");
    }
  }
}
