package dev.topo.model;

import java.math.BigDecimal;
import java.util.Map;

/** An amount of memory in bytes, as written ({@code 512Mi}, {@code 8GiB}, {@code 64G}). */
public record Quantity(long bytes, String text) implements Comparable<Quantity> {
  private static final long KI = 1024L;
  private static final Map<String, Long> UNITS = Map.of(
      "Ki", KI, "Mi", KI * KI, "Gi", KI * KI * KI, "Ti", KI * KI * KI * KI,
      "K", 1000L, "M", 1000_000L, "G", 1000_000_000L, "T", 1000_000_000_000L);

  public static Quantity parse(String text) throws InvalidValueException {
    int unitStart = 0;
    while (unitStart < text.length()
        && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '.' || text.charAt(unitStart) == '-')) {
      unitStart++;
    }
    String number = text.substring(0, unitStart);
    String unit = text.substring(unitStart);
    long multiplier;
    if (unit.isEmpty() || unit.equals("B")) {
      multiplier = 1;
    } else {
      String base = unit.endsWith("B") ? unit.substring(0, unit.length() - 1) : unit;
      Long m = UNITS.get(base);
      if (m == null) {
        throw new InvalidValueException(Message.of("invalid.memory.unit", "'" + unit + "'"));
      }
      multiplier = m;
    }
    BigDecimal amount = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier));
    if (amount.signum() <= 0) {
      throw new InvalidValueException(Message.of("invalid.memory.zero", text));
    }
    if (amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new InvalidValueException(Message.of("invalid.memory.large", text));
    }
    if (amount.compareTo(BigDecimal.ONE) < 0) {
      throw new InvalidValueException("memory " + text + " is less than one byte");
    }
    return new Quantity(amount.longValue(), text);
  }

  @Override
  public int compareTo(Quantity other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return text;
  }
}
