package dev.topo.yaml;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's byte values as Docker reads them (go-units' {@code RAMInBytes}): a number and an
 * optional unit {@code b}, {@code k}, {@code m}, {@code g}, {@code t} or {@code p}, in any
 * case, optionally followed by {@code i} and {@code b} ({@code 512m}, {@code 1gb},
 * {@code 2048k}); every unit is a power of 1024. They become the binary units the
 * {@code memory} statement reads ({@code 512Mi}), so that {@code 512m} is never read as
 * 512 millibytes or 512 MB.
 */
final class ComposeUnits {
  private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?");

  private ComposeUnits() {}

  /** The amount in units {@code memory} reads, or empty when Docker would not read it either. */
  static Optional<String> memory(String compose) {
    Matcher m = BYTES.matcher(compose.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String number = m.group(1);
    String unit = m.group(2);
    if (unit == null) {
      return Optional.of(number);
    }
    return Optional.of(switch (unit) {
      case "k" -> number + "Ki";
      case "m" -> number + "Mi";
      case "g" -> number + "Gi";
      case "t" -> number + "Ti";
      // topo has no Pi: a pebibyte is 1024 TiB.
      default -> new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(1024)).stripTrailingZeros()
          .toPlainString() + "Ti";
    });
  }
}
