package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  @Test
  void aFileIsKubernetesComposeOrNeitherByItsTopLevelKeys() {
    assertEquals(Optional.of(Manifests.Format.KUBERNETES), Manifests.format("apiVersion: v1\nkind: Node\n"));
    assertEquals(Optional.of(Manifests.Format.COMPOSE), Manifests.format("services:\n  web:\n    image: nginx:1.25\n"));
    assertEquals(Optional.of(Manifests.Format.COMPOSE), Manifests.format("# the shop\nservices:   # all of it\n\n  # the front\n  web: {}\n"));
    assertEquals(Optional.empty(), Manifests.format("on: [push]\njobs:\n  build:\n    services:\n      db: {}\n"),
        "a GitHub workflow: its services are a job's");
    assertEquals(Optional.empty(), Manifests.format("image: ruby:3.3\nservices:\n  - postgres:16\n  - redis:7\ntest:\n  script: rake\n"),
        "a GitLab CI file: its services are a list of images");
  }

  @Test
  void thousandsOfBlankOrCommentLinesAfterServicesAreLookedPastWithoutRecursion() {
    assertEquals(Optional.of(Manifests.Format.COMPOSE), Manifests.format("services:\n" + "\n".repeat(100_000) + "  web: {}\n"));
    assertEquals(Optional.empty(), Manifests.format("services:\n" + "  # c\r\n".repeat(100_000) + "  - postgres:16\n"));
  }

  @Test
  void aByteOrderMarkBeforeTheFirstKeyHidesNoFormat() {
    assertEquals(Optional.of(Manifests.Format.COMPOSE), Manifests.format("\uFEFFservices:\n  web: {}\n"));
    String text = "\uFEFFservices:\n  web: {image: 5}\n";
    var problem = Manifests.read(java.net.URI.create("file:///ws/prod/compose.yaml"), text).problems().get(0);
    assertEquals("5", text.substring(problem.span().start(), problem.span().end()), "spans count the mark as the text does");
  }
}
