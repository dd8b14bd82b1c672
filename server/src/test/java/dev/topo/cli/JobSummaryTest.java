package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Severity;
import dev.topo.check.rules.Rules;
import dev.topo.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSummaryTest {
  @TempDir
  Path dir;

  private static Report.Entry entry(String message) {
    return new Report.Entry(Rules.byId("weak-isolation").orElseThrow(), Severity.WARNING, message,
        new PrintedSpan("a.topo", 3, 5, 3, 9), List.of());
  }

  @Test
  void theTableEscapesWhatMarkdownWouldTakeAsMarkup() {
    String md = JobSummary.markdown(new Report(List.of(entry("a | b <script>\nnext")), 1), Optional.empty());
    assertTrue(md.startsWith("## topo: 1 warning in 1 file\n\n| | Rule | Where | Finding |\n"), md);
    assertTrue(md.contains("| warning | `weak-isolation` | `a.topo:3:5` | a \\| b &lt;script&gt; next |\n"), md);
  }

  @Test
  void aPictureTooLargeForGithubIsLeftOutAndSaysHowToDrawLessAndLongTablesAreCut() {
    String small = JobSummary.markdown(new Report(List.of(), 1), Optional.of("flowchart LR\n  a"));
    assertEquals("## topo: no findings in 1 file\n\n```mermaid\nflowchart LR\n  a\n```\n\n", small);
    String large = JobSummary.markdown(new Report(Collections.nCopies(JobSummary.MAX_ROWS + 3, entry("m")), 1),
        Optional.of("x".repeat(JobSummary.MAX_MERMAID + 1)));
    assertTrue(large.contains("too large for a Mermaid picture") && !large.contains("```mermaid"), large);
    assertEquals(JobSummary.MAX_ROWS, large.lines().filter(l -> l.startsWith("| warning |")).count());
    assertTrue(large.endsWith("_and 3 more: `topo check` lists them all._\n"), large);
  }

  @Test
  void checkAppendsTheSummaryToTheFileGiven() throws IOException {
    Path file = Files.writeString(dir.resolve("a.topo"), "host a { os linux  container c { os windows } }\n");
    Path summary = Files.writeString(dir.resolve("summary.md"), "earlier step\n");
    Cli cli = Cli.run("check", "--root", dir.toString(), "--summary", summary.toString(), file.toString());
    assertEquals(Main.FOUND, cli.code(), cli.err());
    String md = Files.readString(summary);
    assertTrue(md.startsWith("earlier step\n## topo: 2 errors and 2 warnings in 1 file"), md);
    assertTrue(md.contains("| `container-os-mismatch` |") && md.contains("`a.topo:1:"), md);
    String picture = md.substring(md.indexOf("```mermaid\nflowchart"), md.indexOf("```\n\n|"));
    assertTrue(picture.contains("container c") && picture.contains("class n1 error"), picture);
  }

  @Test
  void rulesLinkToTheirPagesWhenTheEnvironmentNamesTheDocs() throws IOException {
    Path file = Files.writeString(dir.resolve("a.topo"), "host a { os linux  container c { os windows } }\n");
    Path summary = dir.resolve("summary.md");
    Terminal docs = new Terminal(false, Map.of(KnowledgeBase.DOCS_URL_VARIABLE, "https://example.org/docs"));
    Cli cli = Cli.runOn(docs, dir, "check", "--root", dir.toString(), "--summary", summary.toString(),
        "--format", "sarif", file.toString());
    String page = "https://example.org/docs/rules/container-os-mismatch.md";
    assertTrue(Files.readString(summary).contains("| [container-os-mismatch](" + page + ") |"), Files.readString(summary));
    assertTrue(cli.out().contains("\"helpUri\": \"" + page + "\"") && cli.out().contains("\"informationUri\": \"https://example.org/docs/\""),
        cli.out());
  }
}
