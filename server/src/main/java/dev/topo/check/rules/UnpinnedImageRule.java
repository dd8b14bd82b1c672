package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Image;
import dev.topo.model.Message;
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
  public Scope scope() {
    return Scope.CONTAINED;
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
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      Optional<Property<Image>> image = container.properties().image();
      if (image.isEmpty()) {
        acceptor.report(container.name(), Message.of("unpinned-image.none", container.described()));
        continue;
      }
      Image value = image.get().value();
      if (value == null || value.isPinned() && pinnedEnough(value, pin)) {
        continue;
      }
      if (value.isPinned()) {
        acceptor.report(image.get(), pin.equals("digest")
            ? Message.of("unpinned-image.digest", "'" + value.reference() + "'", container.described(), pin)
            : Message.of("unpinned-image.version", "'" + value.reference() + "'", container.described(),
                "'" + value.tag().orElse("") + "'", pin));
        continue;
      }
      String why = value.digest().isPresent() ? "unpinned-image.bad-digest"
          : value.tag().isPresent() ? "unpinned-image.latest" : "unpinned-image.no-tag";
      acceptor.report(image.get(), Message.of(why, "'" + value.reference() + "'", container.described()));
    }
  }
}
