package dev.topo.cli;

import dev.topo.model.Message;
import java.util.Locale;

/** {@code --color}: whether output for people has ANSI colour. */
enum ColorChoice {
  AUTO, ALWAYS, NEVER;

  static ColorChoice of(String word) {
    for (ColorChoice c : values()) {
      if (c.toString().equals(word)) {
        return c;
      }
    }
    throw new Main.UserError(Message.of("error.color", "'" + word + "'"));
  }

  /**
   * Whether to colour text written to standard output. Auto colours only a terminal that can
   * show it and whose user did not set {@code NO_COLOR}: colour never reaches a pipe or a file
   * unless asked.
   */
  boolean forStandardOutput(Terminal terminal) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> terminal.interactive() && !terminal.noColor() && !terminal.dumb();
    };
  }

  /** Whether to colour text written to a file: only when asked for always. */
  boolean forFile() {
    return this == ALWAYS;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
