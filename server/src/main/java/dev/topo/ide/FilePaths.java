package dev.topo.ide;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths of {@code file:} URIs as text, '/'-separated, for what the editor shows and
 * completes (relative paths, folders): computed from the URIs alone, the disk is not read.
 */
public final class FilePaths {
  private FilePaths() {}

  static boolean isFile(URI uri) {
    return "file".equals(uri.getScheme()) && uri.getPath() != null;
  }

  /** The folder a path is in, ending with '/'. */
  static String folderOf(String path) {
    String normal = normalize(path);
    return normal.substring(0, normal.lastIndexOf('/') + 1);
  }

  /**
   * A path without "." and ".." segments nor empty ones, as absolute as it was; ".." above
   * the root stays at the root. A trailing '/' (a folder) is kept.
   */
  static String normalize(String path) {
    List<String> kept = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        if (!kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.add(segment);
      }
    }
    String joined = (path.startsWith("/") ? "/" : "") + String.join("/", kept);
    boolean folder = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..") || path.equals(".") || path.equals("..");
    return folder && !joined.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }
}
