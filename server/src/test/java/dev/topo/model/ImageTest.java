package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTest {
  @ParameterizedTest
  @CsvSource({
      "nginx, , false",
      "nginx:1.25, 1.25, true",
      "nginx:latest, latest, false",
      "registry.example.com:5000/shop/web, , false",
      "registry.example.com:5000/shop/web:2.1, 2.1, true",
      "registry.example.com:5000/shop/web:latest, latest, false",
      "web@sha256:abc, , true",
      "web:latest@sha256:abc, latest, true",
  })
  void findsTheTagAndWhetherItIsPinned(String reference, String tag, boolean pinned) {
    Image image = Image.parse(reference);
    assertEquals(Optional.ofNullable(tag), image.tag());
    assertEquals(pinned, image.isPinned());
  }
}
