package dev.topo.model;

import java.util.Optional;

/** The value of {@code os FAMILY "release"}; the family is empty when it is not one we know. */
public record OsSpec(String familyWord, Optional<OsFamily> family, Optional<String> release) {
  @Override
  public String toString() {
    return familyWord + release.map(r -> " \"" + r + "\"").orElse("");
  }
}
