package dev.topo.bench;

import dev.topo.tools.TopologyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagram as the editor's webview sees it, end to end over stdio: at the 10k-line design,
 * a one-character edit, its diagnostics, then {@code topology/diagram} answered (what the
 * webview waits for to redraw); at 1,000 hosts (200k lines), the diagram asked for once the
 * file is open, and again after edits.
 */
public final class DiagramRound {
  static final int EDITS = 20;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/topo.jar").toAbsolutePath();
    Path work = WorkDirectory.create("topo-diagram-bench");
    List<String> rows = new ArrayList<>();
    rows.add("| measure | size | median | p95 |");
    rows.add("| --- | --- | --- | --- |");
    for (int hosts : new int[] {50, 1_000}) {
      String text = new TopologyGenerator(1).single(hosts * TopologyGenerator.LINES_PER_HOST);
      String size = hosts + " hosts, " + text.lines().count() / 1000 + "k lines";
      Path file = work.resolve("design-" + hosts + ".topo");
      Files.writeString(file, text);
      try (LspProcess lsp = LspProcess.start(jar, work)) {
        lsp.initializeMillis();
        lsp.openAndWait(file, text);
        long t0 = System.nanoTime();
        int length = lsp.diagram(file);
        rows.add(EndToEnd.row("first topology/diagram after open (SVG " + length / 1024 + " KiB)", size,
            List.of((System.nanoTime() - t0) / 1_000_000)));
        LspProcess.DrawTimes times = lsp.typeAndDraw(file, text, hosts <= 50 ? EDITS : 5);
        rows.add(EndToEnd.row("one-character edit → fresh diagnostics", size, times.diagnostics()));
        rows.add(EndToEnd.row("then topology/diagram answered", size, times.diagram()));
        rows.add(EndToEnd.row("one-character edit → diagnostics → topology/diagram answered", size, times.total()));
      }
    }
    rows.forEach(System.out::println);
  }

  private DiagramRound() {}
}
