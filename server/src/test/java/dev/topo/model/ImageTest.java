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
      "web@sha256:4f1c2a9d8e7b6a5c4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a, , true",
      "web:latest@sha256:4f1c2a9d8e7b6a5c4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a, latest, true",
      "web@sha256:abc, , false",
      "nginx@, , false",
      "nginx@md5:1, , false",
      "nginx:, , false",
  })
  void findsTheTagAndWhetherItIsPinned(String reference, String tag, boolean pinned) {
    Image image = Image.parse(reference);
    assertEquals(Optional.ofNullable(tag), image.tag());
    assertEquals(pinned, image.isPinned());
  }
}
