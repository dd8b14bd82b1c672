package dev.topo.model;

import java.util.Locale;

/** The kinds of block a topology declares. */
public enum EntityKind {
  HOST, VM, CONTAINER, CLUSTER, POD, MODULE;

  /** The keyword that opens such a block, also the word used in messages. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EntityKind fromKeyword(String keyword) {
    return valueOf(keyword.toUpperCase(Locale.ROOT));
  }

  /** Hosts, VMs and containers have an OS of their own (or share one) and run modules. */
  public boolean isMachine() {
    return this == HOST || this == VM || this == CONTAINER;
  }

  /** Names of these kinds are unique across the whole program; the others per block. */
  public boolean isGloballyNamed() {
    return this == HOST || this == VM || this == CLUSTER || this == POD;
  }
}
