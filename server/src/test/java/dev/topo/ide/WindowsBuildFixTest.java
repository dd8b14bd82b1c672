package dev.topo.ide;

import static dev.topo.ide.CodeActionsTest.applied;
import static dev.topo.ide.CodeActionsTest.rulesOf;
import static dev.topo.ide.CodeActionsTest.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The repair of windows-build-mismatch: Hyper-V isolation, which runs builds older than the host's, and only those. */
class WindowsBuildFixTest {
  private static final String FIX = "Run container 'c' in Hyper-V isolation ('isolation hyperv'), which runs older builds";
  private static final String SUPPRESS = "Suppress 'windows-build-mismatch' with topo-ignore";

  @Test
  void anOlderImageIsGivenHyperVIsolation() {
    Marked f = Marked.of("""
        host h {
          os windows "server 2022"
          runtime docker
          container c {
            os windows
            image "app:1.0-|ltsc2019"
            cpu 1
            memory 1GiB
          }
        }
        """);
    String fixed = applied(f, FIX);
    assertEquals(f.text().replace("    memory 1GiB\n", "    memory 1GiB\n    isolation hyperv\n"), fixed);
    assertEquals(List.of(), rulesOf(fixed));
  }

  @Test
  void aDeclaredProcessIsolationBecomesHyperV() {
    Marked f = Marked.of("""
        host h { os windows "windows 11 23H2"; runtime docker
          container c { os windows "server 2019|"; image "app:2.0"; isolation process; cpu 1; memory 1GiB }
        }
        """);
    String fixed = applied(f, FIX);
    assertEquals(f.text().replace("isolation process", "isolation hyperv"), fixed);
    assertEquals(List.of(), rulesOf(fixed));
  }

  @Test
  void aNewerImageHasNoRepairButAnotherImageOrHost() {
    assertEquals(List.of(SUPPRESS), titles(Marked.of(
        "host h { os windows \"server 2019\"; runtime docker; container c { os windows; image \"app:1-ltsc|2022\"; cpu 1; "
            + "memory 1GiB } }")));
  }
}
