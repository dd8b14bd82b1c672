package dev.topo.model;

import java.util.Optional;

/**
 * A container image reference, {@code registry[:port]/path/name[:tag][@digest]}. A tag is
 * what follows the last ':' after the last '/', so a registry port is not taken for one.
 */
public record Image(String reference, Optional<String> tag, Optional<String> digest) {
  public static Image parse(String reference) {
    String rest = reference;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    Optional<String> tag = colon > slash ? Optional.of(rest.substring(colon + 1)) : Optional.empty();
    return new Image(reference, tag, digest);
  }

  /** A digest pins the exact bytes; a tag pins a name that can be moved, except 'latest' moves by design. */
  public boolean isPinned() {
    return digest.isPresent() || tag.filter(t -> !t.isEmpty() && !t.equals("latest")).isPresent();
  }
}
