package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SVG as a real browser draws it: Debian's {@code chromium}, headless, loads a page
 * (test resource diagram/render-check.html) holding every sample's SVG, measures each box's
 * frame and text and reads the computed colours, and writes a verdict into the page, which
 * {@code --dump-dom} prints. Without Chromium the test is skipped, except in CI
 * ({@code CI=true}), where .ci/run installs it and a missing browser is a failure.
 *
 * <p>With {@code -Dtopo.updateDocs=true} it also takes the screenshot docs/diagram/shop.png.
 */
@Slow
class ChromiumRenderTest {
  /** What a user's theme sets in the page, to see that a custom property wins over the default. */
  private static final String THEMED_ERROR = "#123456";
  private static final String THEMED_SAMPLE = "rules/container-os-mismatch.topo";

  @TempDir
  Path dir;
  private Path browser;

  @BeforeEach
  void findChromium() {
    browser = executable();
  }

  @Test
  void everySampleIsDrawnWithABoxForEachEntityNoneOverlappingAnotherButItsAncestorsAndColouredByItsFindings()
      throws Exception {
    JsonObject verdict = render(false, Diagrams.samplePaths());
    assertEquals(false, verdict.get("dark").getAsBoolean());
    int coloured = 0;
    for (JsonElement sample : verdict.getAsJsonArray("samples")) {
      coloured += sample.getAsJsonObject().get("coloured").getAsInt();
    }
    assertTrue(coloured >= 10, "boxes with findings were seen in their colour: " + verdict);
  }

  @Test
  void theDarkSchemeHasItsOwnColours() throws Exception {
    JsonObject verdict = render(true, List.of(THEMED_SAMPLE));
    assertEquals(true, verdict.get("dark").getAsBoolean(), "Chromium was asked for the dark scheme");
  }

  /** Only on request: a screenshot is not the same bytes from one run to the next, so nothing compares it. */
  @Test
  void screenshotOfTheShopForTheDocs() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("topo.updateDocs"), "only with -Dtopo.updateDocs=true");
    Diagram diagram = Diagrams.laidOutSample("shop.topo");
    Path svg = Files.writeString(dir.resolve("shop.svg"), SvgWriter.standalone(diagram));
    Path png = TestFiles.repo().resolve("docs/diagram/shop.png");
    Files.deleteIfExists(png);
    int width = (int) Math.ceil(diagram.width());
    int height = (int) Math.ceil(diagram.height());
    chromium("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", svg.toUri().toString());
    assertTrue(Files.size(png) > 10_000, "a screenshot of the shop: " + png);
  }

  /**
   * Draws the samples in Chromium, light or dark, and returns its verdict after asserting it
   * found no problem and measured every box. {@link #THEMED_SAMPLE} is drawn a second time
   * under a user's theme.
   */
  private JsonObject render(boolean dark, List<String> samples) throws Exception {
    JsonArray expected = new JsonArray();
    StringBuilder svgs = new StringBuilder();
    for (String sample : samples) {
      Diagram diagram = Diagrams.laidOut(Diagrams.sample(sample));
      String svg = SvgWriter.standalone(diagram);
      expected.add(expectation(sample, diagram, name -> colour(name, dark)));
      svgs.append("<section data-sample=\"").append(sample).append("\">\n").append(svg).append("</section>\n");
      if (sample.equals(THEMED_SAMPLE)) {
        expected.add(expectation("themed", diagram, name -> name.equals("error") ? THEMED_ERROR : colour(name, dark)));
        svgs.append("<section class=\"themed\" data-sample=\"themed\">\n").append(svg).append("</section>\n");
      }
    }
    JsonObject expectations = new JsonObject();
    expectations.add("samples", expected);
    String page = template().replace("{{expected}}", expectations.toString().replace("</", "<\\/"))
        .replace("{{svgs}}", svgs);
    Path file = Files.writeString(dir.resolve("render-check.html"), page);

    List<String> arguments = new ArrayList<>(List.of("--dump-dom", "--virtual-time-budget=5000"));
    if (dark) {
      arguments.add("--force-dark-mode");
    }
    arguments.add(file.toUri().toString());
    long start = System.nanoTime();
    String dom = chromium(arguments.toArray(String[]::new));
    long millis = (System.nanoTime() - start) / 1_000_000;
    JsonObject verdict = verdict(dom);
    assertEquals(List.of(), toList(verdict.getAsJsonArray("problems")), "what Chromium drew (in " + millis + " ms)");
    JsonArray measured = verdict.getAsJsonArray("samples");
    assertEquals(expected.size(), measured.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonObject sample = measured.get(i).getAsJsonObject();
      int boxes = expected.get(i).getAsJsonObject().getAsJsonArray("ids").size();
      assertEquals(boxes, sample.get("boxes").getAsInt(), sample.toString());
      assertEquals(expected.get(i).getAsJsonObject().getAsJsonObject("worst").size(), sample.get("coloured").getAsInt(),
          sample.toString());
      assertTrue(sample.get("texts").getAsInt() >= boxes, "every box has its title measured: " + sample);
    }
    return verdict;
  }

  /** The ids of a sample's boxes, the worst severity of those with findings, and the colours to expect. */
  private static JsonObject expectation(String section, Diagram diagram, Function<String, String> colour) {
    JsonObject sample = new JsonObject();
    sample.addProperty("section", section);
    JsonArray ids = new JsonArray();
    JsonObject worst = new JsonObject();
    for (Box box : diagram.allBoxes()) {
      ids.add(box.id());
      box.worst().ifPresent(s -> worst.addProperty(box.id(), s.word()));
    }
    sample.add("ids", ids);
    sample.add("worst", worst);
    JsonObject colours = new JsonObject();
    colours.addProperty("frame", colour.apply("frame"));
    for (Severity severity : Severity.values()) {
      colours.addProperty(severity.word(), colour.apply(severity.word()));
    }
    sample.add("colours", colours);
    return sample;
  }

  private static String colour(String name, boolean dark) {
    SvgStyle.Colour colour = SvgStyle.colour(name);
    return dark ? colour.dark() : colour.light();
  }

  private static JsonObject verdict(String dom) {
    int start = dom.indexOf("<pre id=\"verdict\">");
    int end = dom.indexOf("</pre>", start);
    assertTrue(start >= 0 && end > start, "no verdict in what Chromium printed:\n" + dom);
    String json = dom.substring(start + "<pre id=\"verdict\">".length(), end);
    // --dump-dom writes the text as HTML: undo its escapes.
    for (Map.Entry<String, String> entity : Map.of("&lt;", "<", "&gt;", ">", "&quot;", "\"", "&nbsp;", "\u00a0")
        .entrySet()) {
      json = json.replace(entity.getKey(), entity.getValue());
    }
    JsonObject verdict;
    try {
      verdict = JsonParser.parseString(json.replace("&amp;", "&")).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new AssertionError("the verdict is not a JSON object: " + json, e);
    }
    assertTrue(verdict.has("problems"), "the page's script did not finish: " + verdict);
    return verdict;
  }

  /** Runs headless Chromium with its own profile, and returns what it printed. */
  private String chromium(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s: " + String.join(" ", arguments));
    }
    assertEquals(0, process.exitValue(), "chromium " + String.join(" ", arguments));
    return Files.readString(out);
  }

  /** Chromium on the PATH; in CI its absence fails the test, elsewhere it skips it. */
  private static Path executable() {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "chromium");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    boolean ci = "true".equals(System.getenv("CI"));
    assertTrue(!ci, "CI must draw the diagram in a real browser: install Debian's chromium (.ci/run does)");
    Assumptions.abort("no chromium on the PATH: the diagram is not checked in a real browser");
    return null;
  }

  private static String template() throws IOException {
    try (InputStream in = ChromiumRenderTest.class.getResourceAsStream("/diagram/render-check.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> toList(JsonArray array) {
    List<String> list = new ArrayList<>();
    array.forEach(e -> list.add(e.getAsString()));
    return list;
  }
}
