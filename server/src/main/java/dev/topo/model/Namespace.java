package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Linux namespaces a container may share with its host. */
public enum Namespace {
  NETWORK, PID, IPC, UTS, MOUNT, USER;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Namespace> fromWord(String word) {
    return Arrays.stream(values()).filter(n -> n.word().equals(word)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Namespace::word).toList();
  }
}
