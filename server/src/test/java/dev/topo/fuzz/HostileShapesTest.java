package dev.topo.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.model.LineMap;
import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.FileSystemSources;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs shaped to hurt a parser: each gets findings in bounded time and memory, never a crash. */
class HostileShapesTest {
  static final Duration BOUND = Duration.ofSeconds(10);

  static List<Finding> check(String text) {
    MemorySources sources = new MemorySources().with("main.topo", text);
    return assertTimeoutPreemptively(BOUND, () -> new Analyzer(sources, new ParseCache(), MemorySources.ROOT,
        new Checker(Rules.all(), Config.DEFAULT)).analyze(MemorySources.uri("main.topo"), text, Cancellation.NONE).findings());
  }

  @Test
  void hundredThousandNestedBraces() {
    int depth = 100_000;
    List<Finding> findings = check("host a " + "{ vm v ".repeat(depth) + "}".repeat(depth));
    assertTrue(findings.stream().anyMatch(f -> f.message().contains("nested more than")), findings.toString());
  }

  @Test
  void aTenMegabyteFileIsTooLargeAndSaysSo() {
    String text = "host a { os linux }\n".repeat(10 * 1024 * 1024 / 20 + 1);
    List<Finding> findings = check(text);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().startsWith("the file is too large to analyse"), findings.get(0).message());
  }

  @Test
  @Slow
  void aSingleLineOfOneMegabyte() {
    String text = "host a { os linux; runtime docker " + "container c { os linux } ".repeat(1024 * 1024 / 25) + "}";
    List<Finding> findings = check(text);
    assertFalse(findings.isEmpty());
    assertTrue(findings.stream().anyMatch(f -> f.rule().id().equals("duplicate-name")));
  }

  @Test
  @Slow
  void eightyThousandHosts() {
    // 12 tokens a host: 960,000 tokens, just under the limit (Limits.MAX_TOKENS); 100,000 hosts are over it.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 80_000; i++) {
      text.append("host h").append(i).append(" { os linux }\n");
    }
    assertEquals(List.of(), check(text.toString()));
  }

  @Test
  void nulBytesAndInvalidUtf8FromTheDisk(@TempDir Path dir) throws IOException {
    Path nul = Files.write(dir.resolve("nul.topo"), new byte[4096]);
    Path bad = Files.write(dir.resolve("bad.topo"), new byte[] {'h', 'o', 's', 't', ' ', (byte) 0xC3, (byte) 0x28,
        ' ', '{', (byte) 0xFF, '}', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    for (Path file : List.of(nul, bad)) {
      String text = new FileSystemSources().read(file.toUri()).orElseThrow();
      List<Finding> findings = check(text);
      assertTrue(findings.stream().anyMatch(f -> f.rule().id().equals("syntax")), findings.toString());
      assertTrue(findings.stream().noneMatch(f -> f.message().contains("''")), "a missing name is said as such");
    }
  }

  @Test
  void lineEndsOfEveryKindGiveTheSameLines() {
    for (String eol : List.of("\n", "\r\n", "\r")) {
      String text = String.join(eol, "host a {", "  os linux", "  cpu 0", "}");
      Finding f = check(text).get(0);
      assertEquals(2, LineMap.of(text).line(f.span().start()), "line of the cpu with " + eol.replace("\r", "CR"));
    }
  }

  @Test
  void aByteOrderMarkAnywhereIsWhiteSpace() {
    assertEquals(List.of(), check("\uFEFFhost a {\uFEFF os linux }"));
  }

  @Test
  void theParserStaysBoundedOnAManyErrorInput() {
    String text = "}{\"".repeat(50_000);
    assertFalse(TopologySyntax.parse(java.net.URI.create("file:///x.topo"), text).problems().isEmpty());
  }
}
