package dev.topo.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Where a command's standard output goes, as far as colour cares: to a terminal or not, and
 * the environment ({@code NO_COLOR}, {@code TERM}). Injected, so that tests decide.
 */
record Terminal(boolean interactive, Map<String, String> environment) {
  /** A pipe or a file, with an empty environment: what tests get unless they ask. */
  static final Terminal NONE = new Terminal(false, Map.of());

  /** The process's own standard output and environment. */
  static Terminal system() {
    return new Terminal(isTerminal(System.console()), System.getenv());
  }

  /**
   * Before Java 22 the JVM has a console only when standard input and output are both a
   * terminal; from 22 it has one even when they are redirected, and {@code isTerminal()} (a
   * method Java 17 lacks, hence the reflection) tells them apart.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Set and not empty, as https://no-color.org asks. */
  boolean noColor() {
    String value = environment.get("NO_COLOR");
    return value != null && !value.isEmpty();
  }

  /** A terminal that says it cannot show escapes (Emacs's shell, for one). */
  boolean dumb() {
    return "dumb".equals(environment.get("TERM"));
  }
}
