package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arrays behind a block's properties answer as the map they were copied from. */
class KeywordMapTest {
  private static Map<Keyword, String> source() {
    Map<Keyword, String> source = new EnumMap<>(Keyword.class);
    source.put(Keyword.OS, "linux");
    source.put(Keyword.CPU, "2");
    source.put(Keyword.MEMORY, "4GiB");
    return source;
  }

  @Test
  void answersAsTheMapItCopies() {
    Map<Keyword, String> source = source();
    KeywordMap<String> copy = KeywordMap.copyOf(source);
    assertEquals(source, copy);
    assertEquals(copy, source);
    assertEquals(new HashMap<>(source).hashCode(), copy.hashCode());
    assertEquals("2", copy.get(Keyword.CPU));
    assertNull(copy.get(Keyword.LABEL));
    assertNull(copy.get("cpu"), "only keywords are keys");
    assertTrue(copy.containsKey(Keyword.OS));
    assertFalse(copy.containsKey(Keyword.LABEL));
    assertEquals("none", copy.getOrDefault(Keyword.LABEL, "none"));
    assertEquals(List.of(Keyword.OS, Keyword.CPU, Keyword.MEMORY), new ArrayList<>(copy.keySet()), "in the source's order");
    assertEquals(List.of("linux", "2", "4GiB"), new ArrayList<>(copy.values()));
    List<String> seen = new ArrayList<>();
    copy.forEach((k, v) -> seen.add(k + "=" + v));
    assertEquals(List.of("OS=linux", "CPU=2", "MEMORY=4GiB"), seen);
  }

  @Test
  void isACopyAndCannotBeChanged() {
    Map<Keyword, String> source = source();
    KeywordMap<String> copy = KeywordMap.copyOf(source);
    source.put(Keyword.CPU, "8");
    assertEquals("2", copy.get(Keyword.CPU));
    assertThrows(UnsupportedOperationException.class, () -> copy.put(Keyword.CPU, "8"));
    assertThrows(UnsupportedOperationException.class, () -> copy.entrySet().iterator().next().setValue("8"));
    assertThrows(UnsupportedOperationException.class, () -> copy.values().iterator().remove());
    assertSame(copy, KeywordMap.copyOf(copy), "a copy of a copy is itself");
    assertTrue(KeywordMap.copyOf(Map.of()).isEmpty());
  }

  @Test
  void takesNoNulls() {
    Map<Keyword, String> withNull = new HashMap<>();
    withNull.put(Keyword.OS, null);
    assertThrows(NullPointerException.class, () -> KeywordMap.copyOf(withNull));
  }
}
