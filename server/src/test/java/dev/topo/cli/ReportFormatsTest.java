package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.topo.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden files for every report format, over the samples. Run with
 * {@code -Dtopo.updateGolden=true} to rewrite them after an intended change, then review
 * the diff.
 */
class ReportFormatsTest {
  private static final Path GOLDEN = TestFiles.repo().resolve("server/src/test/resources/cli/golden");

  static Cli checkSamples(String format) {
    return Cli.run("check", "--root", TestFiles.samples().toString(), "--format", format,
        TestFiles.samples().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github", "junit", "checkstyle", "gitlab"})
  void matchesTheGoldenFile(String format) throws IOException {
    Cli cli = checkSamples(format);
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertGolden("samples." + format, cli.out());
  }

  /** Text for a terminal: the same findings and excerpts, in colour. */
  @Test
  void colouredTextMatchesItsGoldenFile() throws IOException {
    Cli cli = Cli.run("check", "--root", TestFiles.samples().toString(), "--color", "always", TestFiles.samples().toString());
    assertTrue(cli.out().contains("\u001b[1;31merror\u001b[0m"), "errors are red");
    assertEquals(Files.readString(GOLDEN.resolve("samples.text"), StandardCharsets.UTF_8),
        cli.out().replaceAll("\u001b\\[[0-9;]*m", ""), "colour adds escapes and nothing else");
    assertGolden("samples.text-color", cli.out());
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("topo.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "run with -Dtopo.updateGolden=true to accept a change");
  }

  /** The findings of the samples, as the JSON format lists them. */
  private static JsonNode sampleFindings() throws IOException {
    return new ObjectMapper().readTree(checkSamples("json").out());
  }

  private static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void junitParsesWithOneSuitePerFileAndAFailedCasePerFinding() throws Exception {
    Document doc = parseXml(checkSamples("junit").out());
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    JsonNode findings = sampleFindings();
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals(findings.size(), failures.getLength());
    assertEquals(findings.size(), Integer.parseInt(root.getAttribute("failures")));
    assertEquals(doc.getElementsByTagName("testcase").getLength(), Integer.parseInt(root.getAttribute("tests")));
    NodeList suites = doc.getElementsByTagName("testsuite");
    Set<String> files = new java.util.HashSet<>();
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      assertTrue(files.add(suite.getAttribute("name")), "one suite per file: " + suite.getAttribute("name"));
      NodeList cases = suite.getElementsByTagName("testcase");
      assertEquals(cases.getLength(), Integer.parseInt(suite.getAttribute("tests")));
      assertEquals(suite.getElementsByTagName("failure").getLength(), Integer.parseInt(suite.getAttribute("failures")));
      for (int c = 0; c < cases.getLength(); c++) {
        assertEquals(suite.getAttribute("name"), ((Element) cases.item(c)).getAttribute("classname"));
      }
    }
    String summary = checkSamples("text").out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(summary.endsWith(" in " + files.size() + " files"), "every file checked is a suite, clean ones too: " + summary);
    assertTrue(doc.getElementsByTagName("testcase").getLength() > failures.getLength(), "clean files pass a test case");
    Element first = (Element) failures.item(0);
    assertEquals(findings.get(0).get("message").asText(), first.getAttribute("message"));
    assertEquals(findings.get(0).get("severity").asText(), first.getAttribute("type"));
  }

  @Test
  void xmlFormatsEscapeWhatXmlCannotCarryRaw() throws Exception {
    Report report = new Report(List.of(new Report.Entry(dev.topo.check.rules.Rules.byId("weak-isolation").orElseThrow(),
        dev.topo.check.Severity.WARNING, "a \"<b>\" & c\nd \u0001", new PrintedSpan("x&y.topo", 1, 1, 1, 2), List.of())), 1);
    for (ReportFormat format : List.of(ReportFormat.JUNIT, ReportFormat.CHECKSTYLE)) {
      Document doc = parseXml(format.render(report, ReportFormat.Options.DEFAULT));
      Element finding = (Element) doc.getElementsByTagName(format == ReportFormat.JUNIT ? "failure" : "error").item(0);
      assertEquals("a \"<b>\" & c\nd \uFFFD", finding.getAttribute("message"), format.toString());
    }
  }

  /** Checkstyle has no published schema; its DTD shape is kept in the test resources and checked with the JDK's parser. */
  private static void validateCheckstyle(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setValidating(true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setEntityResolver((publicId, systemId) -> new InputSource(
        ReportFormatsTest.class.getResourceAsStream("/cli/checkstyle.dtd")));
    builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e;
      }
    });
    builder.parse(new InputSource(new StringReader(xml.replace(Xml.DECLARATION,
        Xml.DECLARATION + "<!DOCTYPE checkstyle SYSTEM \"checkstyle.dtd\">\n"))));
  }

  @Test
  void checkstyleHasTheShapeOfCheckstylesDtd() throws Exception {
    String xml = checkSamples("checkstyle").out();
    validateCheckstyle(xml);
    Document doc = parseXml(xml);
    assertEquals(CheckstyleFormat.VERSION, doc.getDocumentElement().getAttribute("version"));
    NodeList errors = doc.getElementsByTagName("error");
    assertEquals(sampleFindings().size(), errors.getLength());
    Element first = (Element) errors.item(0);
    assertEquals("rules/arch-mismatch.topo", ((Element) first.getParentNode()).getAttribute("name"));
    assertEquals("topo.arch-mismatch", first.getAttribute("source"));
    assertTrue(Integer.parseInt(first.getAttribute("line")) >= 1 && Integer.parseInt(first.getAttribute("column")) >= 1);
    assertThrows(org.xml.sax.SAXException.class, () -> validateCheckstyle(xml.replaceFirst(" line=\"\\d+\"", "")),
        "the check must notice an error without a line");
  }

  @Test
  void gitlabIssuesHaveTheFieldsCodeQualityReads() throws IOException {
    JsonNode issues = new ObjectMapper().readTree(checkSamples("gitlab").out());
    assertEquals(sampleFindings().size(), issues.size());
    Set<String> fingerprints = new java.util.HashSet<>();
    for (JsonNode issue : issues) {
      assertFalse(issue.get("description").asText().isEmpty(), issue.toString());
      assertTrue(dev.topo.check.rules.Rules.byId(issue.get("check_name").asText()).isPresent(), issue.toString());
      assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()), issue.toString());
      assertTrue(issue.at("/location/path").asText().matches("[\\w./-]+\\.topo(\\.json)?|\\.topo\\.json"), issue.toString());
      assertTrue(issue.at("/location/lines/begin").asInt() >= 1, issue.toString());
      assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "fingerprints are unique: " + issue);
    }
  }

  @Test
  void aGitlabFingerprintSurvivesEditsElsewhereAndDiffersBetweenFindings(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.topo");
    Files.writeString(file, "host a { os linux; cpu 0 }\nhost b { os linux; cpu 0 }\n");
    JsonNode before = gitlab(dir, file);
    Files.writeString(file, "// a comment\n\nhost a { os linux; cpu 0 }\nhost b { os linux; cpu 0 }\n");
    JsonNode after = gitlab(dir, file);
    assertEquals(2, before.size());
    assertEquals(before.at("/0/location/lines/begin").asInt() + 2, after.at("/0/location/lines/begin").asInt());
    assertEquals(before.at("/0/fingerprint"), after.at("/0/fingerprint"), "same finding, shifted line");
    assertEquals(before.at("/1/fingerprint"), after.at("/1/fingerprint"));
    assertNotEquals(before.at("/0/fingerprint"), before.at("/1/fingerprint"), "identical findings stay distinct");
    Files.writeString(file, "host a { os linux; cpu 0 }\nhost c { os linux; cpu 0 }\n");
    assertNotEquals(before.at("/1/fingerprint"), gitlab(dir, file).at("/1/fingerprint"), "another entity, another finding");
  }

  private static JsonNode gitlab(Path root, Path file) throws IOException {
    return new ObjectMapper().readTree(Cli.run("check", "--root", root.toString(), "--format", "gitlab", file.toString()).out());
  }

  private JsonSchema sarifSchema() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void sarifValidatesAgainstTheSarif210Schema() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(checkSamples("sarif").out());
    Set<ValidationMessage> errors = sarifSchema().validate(sarif);
    assertEquals(Set.of(), errors);
    JsonNode run = sarif.get("runs").get(0);
    assertEquals(dev.topo.check.rules.Rules.all().size(), run.at("/tool/driver/rules").size());
    JsonNode first = run.get("results").get(0);
    assertTrue(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText().startsWith("rules/"),
        "locations are relative to the root");
    assertTrue(first.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1, "lines are 1-based");
  }

  /** A run over the YAML fixtures: SARIF that CI uploads for manifests must be as valid, and point at them. */
  @Test
  void sarifOfKubernetesAndComposeFilesValidatesAndPointsAtTheYaml() throws IOException {
    Path yaml = TestFiles.repo().resolve("server/src/test/resources/yaml");
    Cli cli = Cli.run("check", "--root", yaml.toString(), "--format", "sarif", yaml.toString());
    JsonNode sarif = new ObjectMapper().readTree(cli.out());
    assertEquals(Set.of(), sarifSchema().validate(sarif));
    JsonNode results = sarif.at("/runs/0/results");
    assertTrue(results.size() > 5, cli.out());
    for (JsonNode result : results) {
      String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      assertTrue(uri.matches("(kubernetes|kubernetes-folder|compose)/[\\w-]+\\.yaml"), uri);
      assertTrue(result.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1, result.toString());
    }
  }

  @Test
  void theSchemaCheckRejectsABrokenLog() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(checkSamples("sarif").out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "information");
    assertTrue(!sarifSchema().validate(sarif).isEmpty(), "the validator must notice a level SARIF does not have");
  }

  @Test
  void githubAnnotationsEscapeWhatTheRunnerReads() {
    assertEquals("50%25 done%0Anext", GithubFormat.data("50% done\nnext"));
    assertEquals("a%3Ab%2Cc", GithubFormat.property("a:b,c"));
  }
}
