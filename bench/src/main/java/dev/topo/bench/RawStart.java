package dev.topo.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times process start to the answer to {@code initialize}, writing and reading the bytes by hand.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.topo.bench.RawStart server/target/topo.jar [JVM options]}
 * prints the median and p95 of 15 starts with those options, then of 15 with a class-data
 * archive made for them, as the extension keeps one. Each line gives the load average (one
 * minute) before and after its starts: on two cores a build beside them can nearly double the figures.
 * With {@code -Dtopo.idle=true} (Linux), each start first waits, up to a minute, for two
 * seconds in which the CPUs were 90 % idle, so that another's build running in bursts is
 * not counted. With {@code -Dstart.against=OTHER.jar} it starts the two jars in turn instead,
 * one start at a time ({@code -Dstart.runs=N} each, 20), and prints each jar's figures.
 */
final class RawStart {
  private RawStart() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    List<String> options = List.of(args).subList(1, args.length);
    String against = System.getProperty("start.against");
    if (against != null) {
      alternate(List.of(jar, Path.of(against).toAbsolutePath()), options, Integer.getInteger("start.runs", 20));
      return;
    }
    double load = load();
    System.out.println("plain: " + summary(times(jar, options, 15)) + loads(load));
    List<String> reading = withArchive(jar, options);
    load = load();
    System.out.println("with a class-data archive: " + summary(times(jar, reading, 15)) + loads(load));
  }

  /**
   * One start of each jar in turn, {@code runs} times, plain and then with a class-data archive
   * made for each: a machine whose speed wanders from minute to minute moves both alike.
   */
  private static void alternate(List<Path> jars, List<String> options, int runs) throws Exception {
    List<List<Long>> plain = new ArrayList<>();
    List<List<Long>> archived = new ArrayList<>();
    List<List<String>> reading = new ArrayList<>();
    for (Path jar : jars) {
      plain.add(new ArrayList<>());
      archived.add(new ArrayList<>());
      reading.add(withArchive(jar, options));
    }
    for (int i = 0; i < runs; i++) {
      for (int j = 0; j < jars.size(); j++) {
        plain.get(j).addAll(times(jars.get(j), options, 1));
        archived.get(j).addAll(times(jars.get(j), reading.get(j), 1));
      }
    }
    for (int j = 0; j < jars.size(); j++) {
      System.out.println(jars.get(j) + ": plain " + summary(plain.get(j)) + "; with a class-data archive "
          + summary(archived.get(j)));
    }
  }

  /** The options with a class-data archive made for them by one start, as the extension keeps one. */
  private static List<String> withArchive(Path jar, List<String> options) throws Exception {
    Path archive = WorkDirectory.create("topo-start").resolve("topo.jsa");
    List<String> writing = new ArrayList<>(options);
    writing.add("-XX:ArchiveClassesAtExit=" + archive);
    times(jar, writing, 1);
    List<String> reading = new ArrayList<>(options);
    reading.add("-XX:SharedArchiveFile=" + archive);
    return reading;
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String loads(double before) {
    return String.format(java.util.Locale.ROOT, " (load average %.2f before, %.2f after)", before, load());
  }

  private static String summary(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2) + " ms median, " + sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) + " ms p95";
  }

  static List<Long> times(Path jar, List<String> jvmOptions, int runs) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      if (Boolean.getBoolean("topo.idle")) {
        waitForIdleCpus();
      }
      List<String> command = new ArrayList<>(List.of("java", "-Xlog:disable", "-Xlog:all=warning:stderr"));
      command.addAll(LspProcess.SERVER_ARGS);
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toString(), "lsp"));
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      OutputStream in = p.getOutputStream();
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
      readMessage(p.getInputStream());
      times.add((System.nanoTime() - t0) / 1_000_000);
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
      p.waitFor(20, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
    return times;
  }

  private static void waitForIdleCpus() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      long[] before = cpuTimes();
      Thread.sleep(2000);
      long[] after = cpuTimes();
      if (after[1] == before[1] || (after[0] - before[0]) >= 0.9 * (after[1] - before[1])) {
        return;
      }
    }
  }

  /** Idle and total jiffies of all CPUs, from /proc/stat's first line; zeros where there is none. */
  private static long[] cpuTimes() throws Exception {
    Path stat = Path.of("/proc/stat");
    if (!java.nio.file.Files.isReadable(stat)) {
      return new long[2];
    }
    String[] fields = java.nio.file.Files.readAllLines(stat).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total};
  }

  private static void send(OutputStream in, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    in.write(body);
    in.flush();
  }

  private static void readMessage(InputStream out) throws Exception {
    StringBuilder header = new StringBuilder();
    while (!header.toString().endsWith("\r\n\r\n")) {
      int b = out.read();
      if (b < 0) {
        throw new IllegalStateException("the server closed its output");
      }
      header.append((char) b);
    }
    int length = Integer.parseInt(header.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
    out.readNBytes(length);
  }
}
