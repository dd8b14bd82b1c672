package dev.topo.check.edit;

import dev.topo.workspace.Program;
import java.util.List;

/** Names for entities a fix creates, which no host, VM, cluster or pod of the program has. */
public final class FreeNames {
  private FreeNames() {}

  /** The wished name, else with a suffix, else with the suffix and a number; none of {@code taken} either. */
  public static String free(Program program, String wished, String suffix, List<String> taken) {
    if (free(program, wished, taken)) {
      return wished;
    }
    String candidate = wished + suffix;
    for (int i = 2; !free(program, candidate, taken); i++) {
      candidate = wished + suffix + "-" + i;
    }
    return candidate;
  }

  private static boolean free(Program program, String name, List<String> taken) {
    return program.globallyNamed(name).isEmpty() && !taken.contains(name);
  }
}
