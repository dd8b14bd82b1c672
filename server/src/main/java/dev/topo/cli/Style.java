package dev.topo.cli;

import dev.topo.check.Severity;

/**
 * ANSI styles for output read by people, or none: every method returns its text unchanged
 * when colour is off, so a renderer writes one thing either way.
 */
final class Style {
  static final Style PLAIN = new Style(false);
  static final Style COLOR = new Style(true);

  private static final String RESET = "\u001b[0m";

  private final boolean on;

  private Style(boolean on) {
    this.on = on;
  }

  static Style of(boolean color) {
    return color ? COLOR : PLAIN;
  }

  boolean on() {
    return on;
  }

  String bold(String s) {
    return wrap("1", s);
  }

  String dim(String s) {
    return wrap("2", s);
  }

  String italic(String s) {
    return wrap("3", s);
  }

  String underline(String s) {
    return wrap("4", s);
  }

  /** The gutter and other furniture, as rustc draws it. */
  String blue(String s) {
    return wrap("1;34", s);
  }

  String cyan(String s) {
    return wrap("36", s);
  }

  String green(String s) {
    return wrap("1;32", s);
  }

  /** The colour of a severity: red errors, yellow warnings, cyan information. */
  String severity(Severity severity, String s) {
    return wrap(switch (severity) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case INFO -> "1;36";
    }, s);
  }

  private String wrap(String code, String s) {
    return on && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
  }
}
