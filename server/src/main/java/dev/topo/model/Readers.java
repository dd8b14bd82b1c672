package dev.topo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the vocabulary's property statements turn their values into the model's. */
final class Readers {
  private Readers() {}

  static OsSpec os(StatementValues v) throws InvalidValueException {
    Name family = v.word(0);
    Optional<OsFamily> known = OsFamily.fromWord(family.text());
    if (known.isEmpty()) {
      v.invalid(family.span(), "unknown OS family '" + family.text() + "': use " + String.join(", ", OsFamily.words()));
    }
    return new OsSpec(family.text(), known, v.string(1).map(Name::text));
  }

  static Double cpu(StatementValues v) throws InvalidValueException {
    String text = v.number(0);
    double cores = Double.parseDouble(text);
    if (cores <= 0) {
      throw new InvalidValueException("cpu must be more than zero cores, not " + text);
    }
    return cores;
  }

  static Tool tool(StatementValues v) throws InvalidValueException {
    return new Tool(v.word(0).text(), v.string(1).map(Name::text));
  }

  static Image image(StatementValues v) throws InvalidValueException {
    String text = v.string(0).map(Name::text).orElse("");
    if (text.isBlank()) {
      throw new InvalidValueException("the image reference is empty: write registry/name:tag");
    }
    return Image.parse(text);
  }

  static Boolean privileged(StatementValues v) throws InvalidValueException {
    String word = v.word(0).text();
    return switch (word) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidValueException("privileged is true or false, not '" + word + "'");
    };
  }

  /** The namespaces that exist; an unknown one is reported and left out. */
  static List<Name> namespaces(StatementValues v) {
    List<Name> known = new ArrayList<>();
    for (Name name : v.words(0)) {
      if (Namespace.fromWord(name.text()).isPresent()) {
        known.add(name);
      } else {
        v.invalid(name.span(), "unknown namespace '" + name.text() + "': use " + String.join(", ", Namespace.words()));
      }
    }
    return known;
  }

  static Integer replicas(StatementValues v) throws InvalidValueException {
    String text = v.number(0);
    if (!text.matches("-?\\d{1,9}")) {
      throw new InvalidValueException("replicas is a whole number, not " + text);
    }
    int count = Integer.parseInt(text);
    if (count < 1) {
      throw new InvalidValueException("replicas must be at least 1, not " + text);
    }
    return count;
  }

  static String language(StatementValues v) {
    String word = v.word(0).text();
    return word.isEmpty() ? null : word;
  }

  static Load load(StatementValues v) throws InvalidValueException {
    String word = v.word(0).text();
    return Load.fromWord(word).orElseThrow(() -> new InvalidValueException(
        "load is " + String.join(", ", Load.words()) + ", not '" + word + "'"));
  }

  static Library library(StatementValues v) {
    Name name = v.word(0);
    Quoted<Version> version = quoted(v, name, Version::parse);
    return new Library(v.statement(), name, version.text(), version.span(), version.value());
  }

  static Requirement requirement(StatementValues v) {
    Name name = v.word(0);
    Quoted<VersionRange> range = quoted(v, name, VersionRange::parse);
    return new Requirement(v.statement(), name, range.text(), range.span(), range.value());
  }

  /** A quoted value after a name: its text, its span, and its meaning (empty when missing or invalid, after saying why). */
  private record Quoted<T>(String text, Span span, Optional<T> value) {}

  private interface Parser<T> {
    T parse(String text) throws InvalidValueException;
  }

  private static <T> Quoted<T> quoted(StatementValues v, Name before, Parser<T> parser) {
    Optional<Name> raw = v.rawString(1);
    if (raw.isEmpty()) {
      return new Quoted<>("", before.span(), Optional.empty());
    }
    Name text = raw.get();
    try {
      v.string(1); // a bad escape makes the value meaningless
    } catch (InvalidValueException e) {
      v.invalid(text.span(), e.getMessage());
      return new Quoted<>(text.text(), text.span(), Optional.empty());
    }
    if (!v.complete()) {
      return new Quoted<>(text.text(), text.span(), Optional.empty());
    }
    try {
      return new Quoted<>(text.text(), text.span(), Optional.of(parser.parse(text.text())));
    } catch (InvalidValueException e) {
      v.invalid(text.span(), e.getMessage());
      return new Quoted<>(text.text(), text.span(), Optional.empty());
    }
  }
}
