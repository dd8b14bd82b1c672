package dev.topo.cli;

import static dev.topo.cli.CheckCommandTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.topo.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo diagram}: what it draws from the files given, and its one-line errors. */
class DiagramCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private Cli diagram(String... args) {
    List<String> all = new ArrayList<>(List.of("diagram", "--root", dir.toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private static List<String> ids(JsonArray boxes) {
    List<String> ids = new ArrayList<>();
    for (JsonElement b : boxes) {
      ids.add(b.getAsJsonObject().get("id").getAsString());
      ids.addAll(ids(b.getAsJsonObject().getAsJsonArray("children")));
    }
    return ids;
  }

  private static JsonObject json(Cli cli) {
    assertEquals(Main.CLEAN, cli.code(), cli.err());
    return JsonParser.parseString(cli.out()).getAsJsonObject();
  }

  @Test
  void aFileAndWhatItImportsAreOnePictureAndAFileGivenTwiceIsDrawnOnce() throws IOException {
    Path main = write("main.topo", "import \"lib/shared.topo\"\nhost a { os linux  container c { os windows } }");
    Path other = write("other.topo", "import \"lib/shared.topo\"\nhost b { os linux }");
    write("lib/shared.topo", "host shared { os linux }\ncluster k { nodes shared }");
    JsonObject json = json(diagram("--format", "json", main.toString(), other.toString(), dir.resolve("lib").toString()));
    assertEquals(List.of("host:shared", "cluster:k", "host:a", "host:a/container:c", "host:b"), ids(json.getAsJsonArray("boxes")));
    JsonObject container = json.getAsJsonArray("boxes").get(2).getAsJsonObject().getAsJsonArray("children").get(0)
        .getAsJsonObject();
    assertEquals("error", container.get("worst").getAsString(), "a Windows container on a Linux host");
    assertEquals(1, json.getAsJsonArray("edges").size(), "the shared cluster's edge, once");
  }

  @Test
  void focusDrawsOneHostOrClusterAndWhatItTouches() throws IOException {
    Path file = write("main.topo", "host a { os linux }\nhost b { os linux }\ncluster k { nodes a }\n");
    assertEquals(List.of("host:a", "cluster:k"), ids(json(diagram("--format", "json", "--focus", "k", file.toString()))
        .getAsJsonArray("boxes")));
    assertOneLineError(diagram("--focus", "nowhere", file.toString()),
        "topo: no host or cluster is named 'nowhere'; the top level has: a, b, k");
  }

  @Test
  void outputGoesToTheFileGiven() throws IOException {
    Path file = write("main.topo", "host a { os linux }\n");
    Path out = dir.resolve("out.json");
    Cli cli = diagram("--format", "json", "--output", out.toString(), file.toString());
    assertEquals(Main.CLEAN, cli.code(), cli.err());
    assertEquals("", cli.out());
    assertEquals(List.of("host:a"), ids(JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonArray("boxes")));
  }

  @Test
  void aFileWithSyntaxErrorsDrawsWhatParsedAndSaysSo() throws IOException {
    Path file = write("broken.topo", "host good { os linux }\nhost bad { os linux ((\n");
    JsonObject json = json(diagram("--format", "json", file.toString()));
    assertTrue(json.get("partial").getAsBoolean());
    assertTrue(ids(json.getAsJsonArray("boxes")).contains("host:good"), json.toString());
  }

  /** The command line writes what the docs show: the committed pictures are its golden files. */
  @ParameterizedTest
  @CsvSource({"shop.topo, shop", "rules/container-os-mismatch.topo, container-os-mismatch"})
  void mermaidAndDotAreThePicturesOfTheDocs(String sample, String picture) throws IOException {
    Path file = TestFiles.samples().resolve(sample);
    for (String format : List.of("mermaid", "dot")) {
      Cli cli = Cli.run("diagram", "--format", format, file.toString());
      assertEquals(Main.CLEAN, cli.code(), cli.err());
      String extension = format.equals("mermaid") ? ".mmd" : ".dot";
      assertEquals(Files.readString(TestFiles.repo().resolve("docs/diagram/" + picture + extension)), cli.out(), format);
    }
    Cli svg = Cli.run("diagram", file.toString());
    assertEquals(Main.CLEAN, svg.code(), svg.err());
    assertTrue(svg.out().contains("data-uri=\"" + file.toUri()), "the boxes point into the file given");
    var boxes = new ArrayList<String>();
    NodeList groups = parseXml(svg.out()).getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("topo-box ")) {
        boxes.add(g.getAttribute("data-id"));
      }
    }
    assertEquals(ids(json(Cli.run("diagram", "--format", "json", file.toString())).getAsJsonArray("boxes")), boxes,
        "the SVG has a box for every box of the laid-out graph, in the same order");
  }

  private static Document parseXml(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("the SVG does not parse: " + e.getMessage(), e);
    }
  }

  @Test
  void badArgumentsAreOneLineErrors() throws IOException {
    Path file = write("main.topo", "host a { os linux }\n");
    assertOneLineError(diagram("--format", "png", file.toString()), "--format takes ");
    assertOneLineError(diagram("--format", "json", dir.resolve("missing.topo").toString()), "no such file or directory");
    assertOneLineError(diagram("--format", "json", "--output", dir.resolve("no/such/dir/out.json").toString(), file.toString()),
        "cannot write ");
  }
}
