package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {
  @Test
  void suggestsTheNameATypoAwayAndNothingFarOrEqual() {
    assertEquals(Optional.of("web-01"), ClosestNames.closest("web-1", List.of("db-01", "web-01", "cache")));
    assertEquals(Optional.empty(), ClosestNames.closest("web", List.of("database", "queue")));
    assertEquals(Optional.empty(), ClosestNames.closest("web", List.of("web")));
  }

  /** The distance that gives up past a limit agrees with the full one wherever it is within it. */
  @Test
  void theDistanceThatGivesUpEarlyAgreesWithTheFullOne() {
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      String a = word(random);
      String b = word(random);
      int limit = random.nextInt(5);
      int full = ClosestNames.distance(a, b);
      assertEquals(Math.min(full, limit + 1), ClosestNames.distance(a, b, limit), a + " / " + b + " within " + limit);
    }
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      word.append("abc-1".charAt(random.nextInt(5)));
    }
    return word.toString();
  }
}
