package dev.topo.bench;

import dev.topo.tools.TopologyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end figures of {@code topo.jar lsp} over stdio, as an editor sees them: start-up,
 * open to first diagnostics, a one-character edit to fresh diagnostics (median and p95),
 * hover and completion latency, an edit in a 1,000-file workspace, heap and RSS; and the
 * wall time of {@code topo.jar check} on 100k lines in 100 files. Prints a Markdown table.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.topo.bench.EndToEnd server/target/topo.jar}
 */
public final class EndToEnd {
  static final int EDITS = 30;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/topo.jar").toAbsolutePath();
    Path work = WorkDirectory.create("topo-bench");
    List<String> rows = new ArrayList<>();
    rows.add("| measure | size | median | p95 |");
    rows.add("| --- | --- | --- | --- |");

    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      try (LspProcess lsp = LspProcess.start(jar, work)) {
        starts.add(lsp.initializeMillis());
      }
    }
    rows.add(row("start → initialize answered", "-", starts));
    // The same on raw stdio (no client library in the way), without and with a class-data archive.
    rows.add(row("start → initialize answered, raw stdio", "-", RawStart.times(jar, List.of(), 9)));
    Path archive = work.resolve("topo.jsa");
    RawStart.times(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), 1);
    rows.add(row("start → initialize answered, raw stdio, AppCDS", "-",
        RawStart.times(jar, List.of("-XX:SharedArchiveFile=" + archive), 9)));

    for (int lines : new int[] {1_000, 10_000, 50_000, 100_000}) {
      Path file = work.resolve("single-" + lines + ".topo");
      String text = new TopologyGenerator(1).single(lines);
      Files.writeString(file, text);
      try (LspProcess lsp = LspProcess.start(jar, work)) {
        lsp.initializeMillis();
        long open = lsp.openAndWait(file, text);
        rows.add(row("didOpen → first diagnostics", lines + " lines", List.of(open)));
        rows.add(row("one-character edit → fresh diagnostics", lines + " lines", lsp.typeAndWait(file, text, EDITS)));
        if (lsp.hasHover()) {
          rows.add(row("hover", lines + " lines", lsp.hovers(file, text, EDITS)));
        }
        if (lsp.hasCompletion()) {
          rows.add(row("completion", lines + " lines", lsp.completions(file, text, EDITS)));
        }
        rows.add("| heap after GC / RSS | " + lines + " lines | " + lsp.memory() + " | |");
      }
    }

    // The same edit in one file of a 1,000-file workspace, against the single-file figure.
    Path workspace = Files.createDirectories(work.resolve("ws1000"));
    Map<String, String> files = new TopologyGenerator(2).split(200_000, 1_000);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = workspace.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    try (LspProcess lsp = LspProcess.start(jar, workspace)) {
      lsp.initializeMillis();
      Path part = workspace.resolve("parts/part-500.topo");
      String text = Files.readString(part);
      lsp.openAndWait(part, text);
      rows.add(row("one-character edit → fresh diagnostics", "1 file of a 1,000-file workspace", lsp.typeAndWait(part, text, EDITS)));
    }

    Path hundred = Files.createDirectories(work.resolve("check100"));
    for (Map.Entry<String, String> f : new TopologyGenerator(3).split(100_000, 100).entrySet()) {
      Path p = hundred.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    List<Long> checks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      Process check = new ProcessBuilder("java", "-jar", jar.toString(), "check", "--root", hundred.toString(), hundred.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      check.waitFor(60, TimeUnit.SECONDS);
      checks.add((System.nanoTime() - t0) / 1_000_000);
    }
    rows.add(row("topo.jar check, JVM start included", "100k lines in 100 files", checks));
    rows.forEach(System.out::println);
  }

  static String row(String measure, String size, List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    long p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    return "| " + measure + " | " + size + " | " + median + " ms | " + (sorted.size() > 1 ? p95 + " ms" : "") + " |";
  }

  private EndToEnd() {}
}
