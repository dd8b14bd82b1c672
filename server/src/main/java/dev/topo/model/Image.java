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
    Optional<String> tag = colon > slash && colon + 1 < rest.length()
        ? Optional.of(rest.substring(colon + 1)) : Optional.empty();
    return new Image(reference, tag, digest);
  }

  /** A content digest: an algorithm and at least 32 hexadecimal digits ({@code sha256:4f1c...}). */
  private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("[a-z0-9]+:[0-9a-fA-F]{32,}");

  public boolean hasValidDigest() {
    return digest.filter(d -> DIGEST.matcher(d).matches()).isPresent();
  }

  /** A digest pins the exact bytes; a tag pins a name that can be moved, except 'latest' moves by design. */
  public boolean isPinned() {
    return hasValidDigest() || tag.filter(t -> !t.equals("latest")).isPresent();
  }
}
