package dev.topo.yaml;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM a container image holds, when its name and tag say so beyond doubt: an official JDK
 * image ({@code openjdk}, {@code eclipse-temurin}, {@code amazoncorretto}, from any registry or
 * mirror) whose tag starts with a full version ({@code 8u292-b10-jre}, {@code 11.0.15_10-jdk}).
 * A tag of a feature release alone ({@code 17-jre}) moves with each update, so it says no
 * version, and any other image may hold any JVM or none: neither is guessed.
 */
final class JvmImages {
  /** A library of the vocabulary and its version, as {@code library NAME "VERSION"} writes them. */
  record Jvm(String library, String version) {}

  private static final Map<String, String> LIBRARIES =
      Map.of("openjdk", "openjdk", "eclipse-temurin", "temurin", "amazoncorretto", "corretto");
  private static final Pattern FULL_VERSION = Pattern.compile("(\\d{1,2}u\\d{1,4}|\\d{1,2}\\.\\d{1,4}\\.\\d{1,4})(?![.\\d]).*");

  private JvmImages() {}

  static Optional<Jvm> of(String image) {
    String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    if (colon <= slash) {
      return Optional.empty();
    }
    String library = LIBRARIES.get(reference.substring(slash + 1, colon));
    Matcher version = FULL_VERSION.matcher(reference.substring(colon + 1));
    return library != null && version.matches() ? Optional.of(new Jvm(library, version.group(1))) : Optional.empty();
  }
}
