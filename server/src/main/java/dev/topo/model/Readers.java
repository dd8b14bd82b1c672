package dev.topo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** How the vocabulary's property statements turn their values into the model's. */
final class Readers {
  /** Compiled once: every cpu and replicas statement of every parse reads one. */
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

  private Readers() {}

  static OsSpec os(StatementValues v) throws InvalidValueException {
    Name family = v.word(0);
    Optional<OsFamily> known = OsFamily.fromWord(family.text());
    if (known.isEmpty()) {
      v.invalid(family.span(), "unknown OS family '" + family.text() + "': use " + String.join(", ", OsFamily.words()));
    }
    return new OsSpec(family.text(), known, v.string(1).map(Name::text));
  }

  /** Cores as a number ({@code 2}, {@code 0.5}) or in millicores as Kubernetes writes them ({@code 500m}). */
  static Double cpu(StatementValues v) throws InvalidValueException {
    String text = v.number(0);
    boolean milli = text.endsWith("m");
    String number = milli ? text.substring(0, text.length() - 1) : text;
    if (!DECIMAL.matcher(number).matches()) {
      throw new InvalidValueException(Message.of("invalid.cpu", "'" + text + "'"));
    }
    double cores = Double.parseDouble(number) / (milli ? 1000 : 1);
    if (cores <= 0) {
      throw new InvalidValueException(Message.of("invalid.cpu.zero", text));
    }
    return cores;
  }

  private static final long MIB = 1024 * 1024;

  /** An amount of memory; a bare number is bytes, and one below 1 MiB is almost surely missing its unit. */
  static Quantity memory(StatementValues v) throws InvalidValueException {
    Quantity amount = Quantity.parse(v.number(0));
    if (amount.text().chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-') && amount.bytes() < MIB) {
      throw new InvalidValueException(amount.text() + " without a unit is " + amount.text()
          + " bytes: did you forget a unit? Write " + amount.text() + "Mi or " + amount.text() + "Gi");
    }
    return amount;
  }

  static Version kernel(StatementValues v) throws InvalidValueException {
    return Version.parse(v.string(0).orElseThrow(() -> new InvalidValueException("the kernel version is missing")).text());
  }

  /** The architectures named; an unknown one is reported and left out. */
  static List<Arch> arch(StatementValues v) {
    List<Arch> known = new ArrayList<>();
    for (Name name : v.words(0)) {
      Optional<Arch> arch = Arch.fromWord(name.text());
      if (arch.isEmpty()) {
        v.invalid(name.span(), "unknown architecture '" + name.text() + "': use " + String.join(", ", Arch.words())
            + " (x86_64 and aarch64 are read as amd64 and arm64)");
      } else if (!known.contains(arch.get())) {
        known.add(arch.get());
      }
    }
    return known;
  }

  static CgroupVersion cgroup(StatementValues v) throws InvalidValueException {
    String word = v.word(0).text();
    return CgroupVersion.fromWord(word).orElseThrow(() -> new InvalidValueException(
        "cgroup is " + String.join(" or ", CgroupVersion.words()) + ", not '" + word + "'"));
  }

  static Isolation isolation(StatementValues v) throws InvalidValueException {
    String word = v.word(0).text();
    return Isolation.fromWord(word).orElseThrow(() -> new InvalidValueException(
        "isolation is " + String.join(" or ", Isolation.words()) + ", not '" + word + "'"));
  }

  /** A node's label; the built-in keys are the node's own facts, not something to declare. */
  static Label label(StatementValues v) throws InvalidValueException {
    Label label = selector(v);
    if (label != null && label.builtIn().isPresent()) {
      String builtIn = label.builtIn().get().word();
      throw new InvalidValueException("'" + label.key().text() + "' is a built-in label, taken from the node's `"
          + builtIn + "`: declare `" + builtIn + "` instead");
    }
    return label;
  }

  /** A key and a value; none while one is missing, which the syntax check reports. */
  static Label selector(StatementValues v) throws InvalidValueException {
    Name key = v.word(0);
    Optional<Name> value = v.string(1);
    if (!v.complete() || value.isEmpty()) {
      return null;
    }
    if (key.text().isEmpty()) {
      throw new InvalidValueException("the label key is empty");
    }
    return new Label(key, value.get());
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

  /** {@code true} or {@code false}, for the keyword named. */
  static Boolean bool(StatementValues v, String keyword) throws InvalidValueException {
    String word = v.word(0).text();
    return switch (word) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidValueException(keyword + " is true or false, not '" + word + "'");
    };
  }

  /** A key, a value and the effect (NoSchedule when left out, as {@code kubectl taint} needs one said). */
  static Taint taint(StatementValues v) throws InvalidValueException {
    Label label = selector(v);
    if (label == null) {
      return null;
    }
    String effect = v.word(2).text();
    Taint.Effect parsed = switch (effect) {
      case "", "no-schedule" -> Taint.Effect.NO_SCHEDULE;
      case "no-execute" -> Taint.Effect.NO_EXECUTE;
      default -> throw new InvalidValueException("a taint's effect is " + String.join(" or ", Taint.Effect.words())
          + ", not '" + effect + "'");
    };
    return new Taint(label.key(), label.value(), parsed);
  }

  static Toleration toleration(StatementValues v) throws InvalidValueException {
    Name key = v.word(0);
    if (key.text().isEmpty()) {
      throw new InvalidValueException("the toleration's key is empty: write \"*\" to tolerate every taint");
    }
    return new Toleration(key, v.string(1));
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
    if (!WHOLE.matcher(text).matches()) {
      throw new InvalidValueException("replicas is a whole number, not " + text);
    }
    int count = Integer.parseInt(text);
    if (count < 1) {
      throw new InvalidValueException(Message.of("invalid.replicas", text));
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
    // A JVM's version may also be written as Java 8's updates are known (8u292).
    Parser<Version> parser = JvmCgroupSupport.isJvmLibrary(name.text())
        ? text -> {
          Optional<Version> java = Version.jvm(text);
          return java.isPresent() ? java.get() : Version.parse(text);
        }
        : Version::parse;
    Quoted<Version> version = quoted(v, name, parser);
    return new Library(v.statement(), name, version.text(), version.span(), version.value());
  }

  static Requirement requirement(StatementValues v) {
    Name name = v.word(0);
    Quoted<VersionRange> range = quoted(v, name, VersionRange::parse);
    return new Requirement(v.statement(), name, range.text(), range.span(), range.value());
  }

  /** A quoted value after a name: its text, its span, and its meaning (empty when missing or invalid, after saying why). */
  private record Quoted<T>(String text, Extent span, Optional<T> value) {}

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
      v.invalid(text.span(), e.text());
      return new Quoted<>(text.text(), text.span(), Optional.empty());
    }
    if (!v.complete()) {
      return new Quoted<>(text.text(), text.span(), Optional.empty());
    }
    try {
      return new Quoted<>(text.text(), text.span(), Optional.of(parser.parse(text.text())));
    } catch (InvalidValueException e) {
      v.invalid(text.span(), e.text());
      return new Quoted<>(text.text(), text.span(), Optional.empty());
    }
  }
}
