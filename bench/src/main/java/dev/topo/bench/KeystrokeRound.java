package dev.topo.bench;

import dev.topo.tools.TopologyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Position;

/**
 * The whole round of requests VS Code sends after a keystroke ({@link RoundClient}), answered
 * by {@code topo.jar lsp} and by Red Hat's YAML server on the same design written as YAML
 * ({@link YamlDesign}), at 1k, 10k and 50k YAML lines. Per size and server: the round's median
 * and p95, each request's median, and the server's RSS after the rounds. Prints Markdown.
 *
 * <p>Each run opens the file, types 5 keystrokes to warm up, then 20 measured ones into a
 * comment line inside a block in the middle of the file, one every 150 ms (or as soon as the
 * previous round is answered, when it takes longer). {@code -Dround.warmUp=N} and
 * {@code -Dround.keystrokes=N} change the counts: a long warm-up tells the steady state from
 * the JIT's first minutes, and many keystrokes make a profile of the steady state.
 * {@code -Dround.each=true} prints every round's time on stderr, warm-up ones included: the
 * curve of a JVM warming up. {@code -Dround.at=F} types at that fraction of the text instead of
 * the middle (0.5), and {@code -Dround.at=lasthost} into the last host before the cluster: what
 * an edit costs for the model after it, which the incremental parse moves.
 *
 * <p>Before the first size, the client itself is warmed up: it types {@code
 * -Dround.clientWarmUp=N} keystrokes (500; 0 for none) into that size's design, served by a
 * topo server of its own that is then stopped, each as soon as the last is answered. An
 * editor's client has been running for hours; a cold benchmark JVM parsing the first answers
 * with LSP4J added some 20 ms to each round at 10k, which "at arrival" (the server's share)
 * never showed. After 40 keystrokes it still did in a third to half of the runs (round 31 ms
 * against 13 at arrival; its reader thread used four times a good run's CPU for a second or two).
 *
 * <p>Usage (the YAML server from {@code npm --prefix bench/yaml ci}; {@code -Dround.topoOnly=true} leaves it out):
 * <pre>java -Dtopo.serverArgs="-XX:+UseSerialGC -XX:TieredStopAtLevel=1" -cp bench/target/benchmarks.jar \
 *     dev.topo.bench.KeystrokeRound server/target/topo.jar bench/yaml [yamlLines...]</pre>
 */
public final class KeystrokeRound {
  static final int WARM_UP = Integer.getInteger("round.warmUp", 5);
  static final int KEYSTROKES = Integer.getInteger("round.keystrokes", 20);
  static final int CLIENT_WARM_UP = Integer.getInteger("round.clientWarmUp", 500);
  static final long APART_MILLIS = 150;
  static final boolean EACH = Boolean.getBoolean("round.each");
  static final String AT = System.getProperty("round.at", "0.5");

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/topo.jar").toAbsolutePath();
    Path yamlServer = Path.of(args.length > 1 ? args[1] : "bench/yaml")
        .resolve("node_modules/yaml-language-server/bin/yaml-language-server").toAbsolutePath();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000, 50_000);
    }
    Path work = WorkDirectory.create("topo-round");
    Files.writeString(work.resolve("topology.schema.json"), YamlDesign.schema());
    List<String> topoCommand = new ArrayList<>(List.of("java"));
    topoCommand.addAll(LspProcess.SERVER_ARGS);
    topoCommand.addAll(List.of("-jar", jar.toString(), "lsp"));
    List<String> yamlCommand = List.of("node", yamlServer.toString(), "--stdio");

    // "at arrival": when the last answer reached the client, before LSP4J parsed it (ArrivalClock).
    System.out.println("| design | server | round median / p95 | at arrival | " + String.join(" | ", RoundClient.REQUESTS)
        + " (medians) | server CPU a keystroke | RSS |");
    System.out.println("| --- | --- | --- | --- |" + " --- |".repeat(RoundClient.REQUESTS.size()) + " --- | --- |");
    for (int yamlLines : sizes) {
      Design design = Design.of(yamlLines);
      if (yamlLines == sizes.get(0) && CLIENT_WARM_UP > 0) {
        warmUpClient(topoCommand, design);
      }
      Path topoFile = work.resolve("design-" + yamlLines + ".topo");
      Path yamlFile = work.resolve("design-" + yamlLines + ".yaml");
      Files.writeString(topoFile, design.topology());
      Files.writeString(yamlFile, design.yaml());
      String label = design.hosts() + " hosts (" + lines(design.topology()) + " topo lines, " + lines(design.yaml())
          + " YAML)";
      System.out.println(row(label, "topo", run(topoCommand, work, topoFile, "topology", design.topology(), "//")));
      if (!Boolean.getBoolean("round.topoOnly")) {
        System.out.println(row(label, "YAML server", run(yamlCommand, work, yamlFile, "yaml", design.yaml(), "#")));
      }
    }
  }

  /** Types into a design on a server of its own, unpaced, so that the client is warm for the measured ones. */
  private static void warmUpClient(List<String> topoCommand, Design design) throws Exception {
    // In a folder of its own: a second copy in the measured server's workspace would be indexed.
    Path root = WorkDirectory.create("topo-round-client");
    Path file = root.resolve("design.topo");
    Files.writeString(file, design.topology());
    run(topoCommand, root, file, "topology", design.topology(), "//", 0, CLIENT_WARM_UP, 0);
  }

  /** A generated design of about this many YAML lines, in both forms. */
  record Design(int hosts, String topology, String yaml) {
    static Design of(int yamlLines) {
      // The YAML form is about 1.8 times as long: find the host count by measuring one.
      String one = new TopologyGenerator(7).single(TopologyGenerator.LINES_PER_HOST);
      double ratio = (double) lines(YamlDesign.of(one, "topology.schema.json")) / lines(one);
      int topoLines = (int) Math.round(yamlLines / ratio);
      String topology = new TopologyGenerator(7).single(Math.max(TopologyGenerator.LINES_PER_HOST, topoLines));
      int hosts = topology.split("\nhost ", -1).length - 1;
      return new Design(hosts, topology, YamlDesign.of(topology, "topology.schema.json"));
    }
  }

  /** The rounds of one server on one file; the figures of each measured round, and the RSS. */
  record Figures(List<Map<String, Long>> rounds, long cpuPerKeystroke, long rss) {}

  static Figures run(List<String> command, Path root, Path file, String languageId, String text, String comment)
      throws Exception {
    return run(command, root, file, languageId, text, comment, WARM_UP, KEYSTROKES, APART_MILLIS);
  }

  static Figures run(List<String> command, Path root, Path file, String languageId, String text, String comment,
      int warmUp, int keystrokes, long apartMillis) throws Exception {
    try (RoundClient client = new RoundClient(command, root)) {
      client.open(file, languageId, text);
      // A comment line inside a block in the middle of the file, as EndToEnd types into.
      int from = AT.equals("lasthost") ? text.lastIndexOf("\nhost ") + 1 : (int) (text.length() * Double.parseDouble(AT));
      int middle = text.indexOf("\n", from) + 1;
      int line = (int) text.substring(0, middle).chars().filter(c -> c == '\n').count();
      String next = text.substring(middle, text.indexOf('\n', middle));
      String indent = next.substring(0, next.length() - next.stripLeading().length());
      client.keystroke(new Position(line, 0), indent + comment + " \n");
      int column = indent.length() + comment.length() + 1;
      List<Map<String, Long>> rounds = new ArrayList<>();
      long cpuBefore = 0;
      for (int i = 0; i < warmUp + keystrokes; i++) {
        if (i == warmUp) {
          cpuBefore = client.cpuMillis();
        }
        long started = System.nanoTime();
        Map<String, Long> times = client.keystroke(new Position(line, column + i), "x");
        if (i >= warmUp) {
          rounds.add(times);
        }
        if (EACH) {
          System.err.println("keystroke " + i + ": " + times.get("round") + " ms");
        }
        long left = apartMillis - (System.nanoTime() - started) / 1_000_000;
        if (left > 0) {
          Thread.sleep(left);
        }
      }
      // All the server spent from the first measured keystroke on, JIT and collector threads included.
      long cpu = (client.cpuMillis() - cpuBefore) / keystrokes;
      return new Figures(rounds, cpu, client.rssMegabytes());
    }
  }

  static String row(String design, String server, Figures figures) {
    Map<String, List<Long>> byRequest = new LinkedHashMap<>();
    for (Map<String, Long> round : figures.rounds()) {
      round.forEach((request, millis) -> byRequest.computeIfAbsent(request, r -> new ArrayList<>()).add(millis));
    }
    List<Long> rounds = byRequest.get("round");
    List<Long> arrivals = byRequest.get("arrival");
    StringBuilder row = new StringBuilder("| " + design + " | " + server + " | " + percentile(rounds, 50) + " / "
        + percentile(rounds, 95) + " ms | " + percentile(arrivals, 50) + " / " + percentile(arrivals, 95) + " ms |");
    for (String request : RoundClient.REQUESTS) {
      List<Long> times = byRequest.get(request);
      row.append(' ').append(times == null ? "-" : percentile(times, 50) + " ms").append(" |");
    }
    return row.append(' ').append(figures.cpuPerKeystroke()).append(" ms | ").append(figures.rss()).append(" MB |")
        .toString();
  }

  static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  static int lines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  private KeystrokeRound() {}
}
