package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one spelling of an amount of memory for people, wherever it is shown. */
class CapacityTest {
  @ParameterizedTest
  @CsvSource({
      "536870912, 512 MiB",
      "8589934592, 8 GiB",
      "64000000000, 59.6 GiB",
      "1536, 1.5 KiB",
      "1610612736, 1.5 GiB",
      "1000, 1000 B",
      "0, 0 B",
      "9223372036854775807, 8 EiB",
  })
  void bytesInTheLargestBinaryUnitReachedWithAtMostTwoDecimals(long bytes, String text) {
    assertEquals(text, Capacity.bytes(bytes));
  }

  @ParameterizedTest
  @CsvSource({
      "42949672960, 68719476736, 40/64 GiB",
      "536870912, 2147483648, 0.5/2 GiB",
      "0, 17179869184, 0/16 GiB",
      "3221225472, 1073741824, 3/1 GiB",
  })
  void aPartInTheUnitOfTheWhole(long part, long whole, String text) {
    assertEquals(text, Capacity.bytes(part, whole));
  }
}
