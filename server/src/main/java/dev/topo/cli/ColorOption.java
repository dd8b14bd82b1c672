package dev.topo.cli;

import picocli.CommandLine.Option;

/** {@code --color}, shared by the commands that print for people. */
final class ColorOption {
  @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
      description = "auto, always or never (default: ${DEFAULT-VALUE}: colour only on a terminal, and not when"
          + " NO_COLOR is set).")
  String color;

  ColorChoice choice() {
    return ColorChoice.of(color);
  }
}
