package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
  @ParameterizedTest
  @CsvSource({
      "512Mi, 536870912",
      "512MiB, 536870912",
      "8GiB, 8589934592",
      "8Gi, 8589934592",
      "64G, 64000000000",
      "64GB, 64000000000",
      "2TB, 2000000000000",
      "1Ti, 1099511627776",
      "1Ki, 1024",
      "1K, 1000",
      "1024, 1024",
      "100B, 100",
      "0.5Gi, 536870912",
  })
  void parsesUnits(String text, long bytes) throws InvalidValueException {
    assertEquals(bytes, Quantity.parse(text).bytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"16Gb", "1mi", "5XiB", "3GiBB", "2iB"})
  void rejectsUnknownUnits(String text) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Quantity.parse(text));
    assertTrue(e.getMessage().startsWith("unknown memory unit"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0Gi", "-1Gi", "99999999Ti"})
  void rejectsZeroNegativeAndHuge(String text) {
    assertThrows(InvalidValueException.class, () -> Quantity.parse(text));
  }
}
