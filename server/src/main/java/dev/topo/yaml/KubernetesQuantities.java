package dev.topo.yaml;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes memory quantities as topo's {@code memory} statement reads them. Most are written
 * the same ({@code 16Gi}, {@code 16384Ki}, {@code 512M}, plain bytes) and are kept as written;
 * the suffixes topo does not spell are converted to bytes: {@code k} (topo's {@code K}),
 * {@code P}, {@code Pi}, {@code E}, {@code Ei}, an exponent ({@code 1e9}) and {@code m}
 * (thousandths of a byte, which {@code kubectl} prints for some computed values). CPU
 * quantities ({@code 3920m}, {@code 0.5}, {@code 2}) are topo's own and need nothing.
 */
final class KubernetesQuantities {
  /** A number, then an exponent or a suffix. */
  private static final Pattern QUANTITY =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([-+]?[0-9]{1,3})|([a-zA-Z]{0,2}))");
  private static final BigDecimal KI = BigDecimal.valueOf(1024);
  private static final Map<String, BigDecimal> CONVERTED = Map.of(
      "k", BigDecimal.valueOf(1000), "m", new BigDecimal("0.001"),
      "P", BigDecimal.TEN.pow(15), "E", BigDecimal.TEN.pow(18), "Pi", KI.pow(5), "Ei", KI.pow(6));

  private KubernetesQuantities() {}

  /** The text of a {@code memory} statement meaning the same amount; an unreadable one as written, for the reader to report. */
  static String memory(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      return text;
    }
    BigDecimal number = new BigDecimal(m.group(1));
    BigDecimal bytes;
    if (m.group(2) != null) {
      bytes = number.scaleByPowerOfTen(Integer.parseInt(m.group(2)));
    } else if (CONVERTED.containsKey(m.group(3))) {
      bytes = number.multiply(CONVERTED.get(m.group(3)));
    } else {
      return text;
    }
    // Kubernetes rounds a fraction of a byte up.
    return bytes.setScale(0, RoundingMode.CEILING).toPlainString();
  }
}
