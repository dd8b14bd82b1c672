package dev.topo.model;

import java.util.Optional;

/**
 * {@code tolerate KEY ["VALUE"]} on a pod: it may run on nodes with a matching taint. Without
 * a value it tolerates every value of the key (Kubernetes' {@code operator: Exists}); the key
 * {@code "*"} tolerates every taint (an {@code Exists} toleration without a key).
 */
public record Toleration(Name key, Optional<Name> value) {
  public static final String EVERY_TAINT = "*";

  public boolean tolerates(Taint taint) {
    if (key.text().equals(EVERY_TAINT)) {
      return true;
    }
    return key.text().equals(taint.key().text()) && value.map(v -> v.text().equals(taint.value().text())).orElse(true);
  }
}
