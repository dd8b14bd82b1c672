package dev.topo.lsp;

import java.net.URI;
import java.net.URISyntaxException;

/** Document URIs from the client, which are not always strictly encoded. */
public final class Uris {
  private Uris() {}

  public static URI parse(String uri) {
    try {
      return new URI(uri);
    } catch (URISyntaxException e) {
      // A client that left spaces or other characters unencoded: encode them.
      int colon = uri.indexOf(':');
      try {
        return colon < 0 ? new URI(null, uri, null) : new URI(uri.substring(0, colon), uri.substring(colon + 1), null);
      } catch (URISyntaxException again) {
        throw new IllegalArgumentException("not a URI: " + uri, again);
      }
    }
  }
}
