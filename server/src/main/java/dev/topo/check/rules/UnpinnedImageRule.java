package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Image;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

  /** Whether a reference that is pinned by tag or digest is pinned as the configuration asks. */
  private static boolean pinnedEnough(Image image, String pin) {
    return switch (pin) {
      case "digest" -> image.hasValidDigest();
      case "version" -> image.hasValidDigest() || image.tag().filter(t -> VERSION_TAG.matcher(t).matches()).isPresent();
      default -> true;
    };
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** How much of a reference must be fixed: a tag other than latest, a version tag, or a digest. */
  private static final Map<String, List<String>> OPTIONS = Map.of("pin", List.of("tag", "version", "digest"));
  /** A tag that names a version: two numbers at least ({@code 16.1}, {@code v1.29.1-alpine}), or a JDK build ({@code 8u292}). */
  private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+(?:\\.\\d+)+.*|\\d+u\\d+.*");

  @Override
  public Map<String, List<String>> options() {
    return OPTIONS;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    check(program, acceptor, Map.of("pin", "tag"));
  }

  @Override
  public void check(Program program, Acceptor acceptor, Map<String, String> options) {
    String pin = options.getOrDefault("pin", "tag");
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      Optional<Property<Image>> image = container.properties().image();
      if (image.isEmpty()) {
        acceptor.report(container.name(), container.describe()
            + " has no image, so nothing fixes which libraries it runs with");
        continue;
      }
      Image value = image.get().value();
      if (value == null || value.isPinned() && pinnedEnough(value, pin)) {
        continue;
      }
      if (value.isPinned()) {
        acceptor.report(image.get(), "image '" + value.reference() + "' of " + container.describe()
            + (pin.equals("digest") ? " has no digest, and a tag can be moved to other bytes: pin the digest"
                : " uses the tag '" + value.tag().orElse("") + "', which names no version and moves with new releases:"
                    + " pin a version tag (such as 7.2.4) or a digest")
            + " (the configuration asks for pin " + pin + ")");
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
