package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topo check} on YAML that is broken or hostile: each run ends with findings at the
 * lines they concern, exit code 1 and nothing on stderr, never an internal error, in bounded
 * time. (The readers' own limits are in YamlTextTest; the wrong types in BadYamlTest.)
 */
class CheckBadYamlTest {
  private static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  /** Checks one file named {@code name} holding {@code text}, and returns its findings' lines, "compose.yaml:3: ... [rule]". */
  private List<String> check(String name, String text) throws IOException {
    Path file = Files.writeString(dir.resolve(name), text);
    Cli cli = assertTimeoutPreemptively(BOUND, () -> Cli.run("check", "--root", dir.toString(), file.toString()));
    assertEquals("", cli.err(), "one file, findings only");
    assertEquals(Main.FOUND, cli.code(), cli.out());
    return cli.out().lines().filter(l -> l.startsWith(name + ":")).toList();
  }

  private static void finding(List<String> lines, String where, String rule, String words) {
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(where) && l.contains("[" + rule + "]") && l.contains(words)),
        where + " " + rule + " '" + words + "' in " + lines);
  }

  @Test
  void aSyntaxErrorIsAFindingAtItsLine() throws IOException {
    Map<String, String> broken = Map.of(
        "compose.yaml", "services:\n  web:\n    image: [nginx\n    cpus: 1\n",
        "k8s.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n");
    finding(check("compose.yaml", broken.get("compose.yaml")), "compose.yaml:4:", "syntax", "YAML: ");
    finding(check("k8s.yaml", broken.get("k8s.yaml")), "k8s.yaml:4:", "syntax", "YAML: ");
  }

  @Test
  void aTenMegabyteComposeFileIsTooLargeAndSaysSo() throws IOException {
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; text.length() <= 10 * 1024 * 1024; i++) {
      text.append("  web-").append(i).append(":\n    image: nginx:1.25.3\n    mem_limit: 512m\n");
    }
    text.append("  iis:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n"
        + "    platform: windows/amd64\n");
    List<String> lines = check("compose.yaml", text.toString());
    assertEquals(1, lines.size(), lines.toString());
    finding(lines, "compose.yaml:1:", "syntax", "the file is too large to analyse");
  }

  @Test
  void aComposeFileWhoseHundredServicesEachMergeSharedBlocksIsRead() throws IOException {
    StringBuilder text = new StringBuilder("x-common: &common {restart: unless-stopped}\nx-log: &log {driver: json-file}\n"
        + "services:\n");
    for (int i = 0; i < 100; i++) {
      text.append("  s").append(i).append(":\n    <<: *common\n    image: registry.example.com/s").append(i)
          .append(":1.0.0\n    logging: *log\n    mem_limit: 256m\n");
    }
    text.append("  iis:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n"
        + "    platform: windows/amd64\n");
    List<String> lines = check("compose.yaml", text.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("[syntax]")), String.join("\n", lines));
    assertEquals(100, lines.stream().filter(l -> l.contains("[missing-limits]") && l.contains("'s")).count(),
        String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("[container-os-mismatch]")), String.join("\n", lines));
  }

  @Test
  void billionLaughsInBlockStyleStopAtTheAliasThatPassesTheLimit() throws IOException {
    StringBuilder text = new StringBuilder("x-a: &a\n" + "  - lol\n".repeat(9));
    for (char c = 'b'; c <= 'j'; c++) {
      text.append("x-").append(c).append(": &").append(c).append('\n').append(("  - *" + (char) (c - 1) + "\n").repeat(9));
    }
    text.append("services:\n  web:\n    image: nginx:1.25.3\n    labels: *j\n");
    // Aliases under x-b to x-e stand for 74,718 values; the first under x-f (line 52) adds 66,430 more.
    finding(check("compose.yaml", text.toString()), "compose.yaml:52:", "syntax", "aliases stand for more than");
  }

  @Test
  void nestingTooDeepInBlockStyleIsAFindingWhereItPassesTheLimit() throws IOException {
    int levels = 300;
    StringBuilder maps = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n");
    for (int i = 1; i <= levels; i++) {
      maps.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    // The map that holds k<n> is nested n + 1 deep and starts on line n + 3: the 201st level is k200's.
    finding(check("k8s.yaml", maps.toString()), "k8s.yaml:203:", "syntax", "nested deeper than 200");
    finding(check("compose.yaml", "services:\n  web:\n    image: nginx:1.25.3\n    labels:\n      " + "- ".repeat(100_000) + "x\n"),
        "compose.yaml:5:", "syntax", "nested deeper than 200");
    finding(check("keys.yaml", "kind: Pod\n" + "? ".repeat(100_000) + "x\n"), "keys.yaml:2:", "syntax", "nested deeper than 200");
  }
}
