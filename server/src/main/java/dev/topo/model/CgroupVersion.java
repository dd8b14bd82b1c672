package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The version of the Linux control groups a kernel's init mounts: where a container's limits
 * are written, and so what a program inside must read to learn them.
 */
public enum CgroupVersion {
  V1, V2;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CgroupVersion> fromWord(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(CgroupVersion::word).toList();
  }
}
