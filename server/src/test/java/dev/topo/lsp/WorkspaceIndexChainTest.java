package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.Slow;
import dev.topo.check.Cancellation;
import dev.topo.ide.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a workspace that is one import chain of 10,000 files: indexing parses each
 * file once, and the program of the chain's first file, which holds them all, is loaded from
 * the index without parsing any again. Counted, not timed; the times are printed for
 * docs/reliability.md.
 */
@Slow
class WorkspaceIndexChainTest {
  private static final int LENGTH = Integer.getInteger("topo.chain.length", 10_000);

  @TempDir
  Path dir;

  @Test
  void aChainOfTenThousandFilesIsIndexedAndLoadedParsingEachFileOnce() throws IOException {
    for (int i = 0; i < LENGTH; i++) {
      String next = i + 1 < LENGTH ? "import \"f" + (i + 1) + ".topo\"\n" : "";
      Files.writeString(dir.resolve("f" + i + ".topo"), next + "host h" + i + " {\n  os linux\n}\n");
    }
    Session session = new Session();
    session.setRoots(List.of(dir.toUri()));
    long start = System.nanoTime();
    List<URI> files = WorkspaceIndexer.find(session.roots());
    WorkspaceIndexer.index(session, files, done -> { });
    long indexed = System.nanoTime();
    assertEquals(LENGTH, files.size());
    assertEquals(LENGTH, session.cache().parses().full(), "each file parsed once by the index");

    Snapshot first = session.snapshot(dir.resolve("f0.topo").toUri(), Cancellation.NONE).orElseThrow();
    long analysed = System.nanoTime();
    assertEquals(LENGTH, first.analysis().program().files().size());
    assertEquals(LENGTH, session.cache().parses().full(), "the program's files come from the index's parses");
    System.out.printf("index of a %d-file chain: %d ms; the first file's program (all of them) analysed: %d ms%n",
        LENGTH, (indexed - start) / 1_000_000, (analysed - indexed) / 1_000_000);
  }
}
