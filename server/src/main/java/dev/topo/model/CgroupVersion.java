package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The cgroup hierarchy a Linux kernel mounts, through which container limits are enforced and read. */
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
