package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Mark;
import dev.topo.diagram.Diagram.Point;
import dev.topo.diagram.Diagram.Source;
import dev.topo.model.EntityKind;
import dev.topo.model.Span;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class SvgWriterTest {
  private static final String SVG = "http://www.w3.org/2000/svg";

  /** Each sample laid out once for the tests that look at it. */
  private static final Map<String, Diagram> LAID_OUT = new ConcurrentHashMap<>();

  static List<String> samples() {
    return Diagrams.samplePaths();
  }

  private static Diagram laidOut(String sample) {
    return LAID_OUT.computeIfAbsent(sample, s -> Diagrams.laidOut(Diagrams.sample(s)));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyBoxOfASampleHasOneGroupNestedAsTheBoxesAreAndColouredByItsWorstFinding(String sample) {
    Diagram diagram = laidOut(sample);
    Document svg = parse(SvgWriter.standalone(diagram));
    Element root = svg.getDocumentElement();
    assertEquals(SVG, root.getNamespaceURI());
    assertEquals("topo-diagram", root.getAttribute("class"));

    Map<String, Element> groups = new HashMap<>();
    for (Element g : elements(root, "g")) {
      if (classes(g).contains("topo-box")) {
        assertNull(groups.put(g.getAttribute("data-id"), g), "one group for " + g.getAttribute("data-id"));
      }
    }
    assertEquals(diagram.allBoxes().stream().map(Box::id).collect(Collectors.toSet()), groups.keySet(), sample);

    Map<String, String> parents = new HashMap<>();
    diagram.allBoxes().forEach(b -> b.children().forEach(c -> parents.put(c.id(), b.id())));
    for (Box box : diagram.allBoxes()) {
      Element g = groups.get(box.id());
      assertEquals(parents.get(box.id()), enclosingBox(g), "the group of " + box.id() + " lies in its parent's");
      Set<String> expected = box.worst().map(s -> Set.of("severity-" + s.word())).orElse(Set.of());
      assertEquals(expected, classes(g).stream().filter(c -> c.startsWith("severity-")).collect(Collectors.toSet()),
          box.id());
      assertTrue(classes(g).contains("kind-" + box.kind().keyword()), box.id());
      Element frame = child(g, "rect");
      assertEquals("topo-frame", frame.getAttribute("class"));
      assertEquals(box.width(), Double.parseDouble(frame.getAttribute("width")), 0.05, box.id());
      assertEquals(box.title(), textOf(g, "topo-title"));
      assertEquals(box.findings().isEmpty() ? 0 : 1, childrenWithClass(g, "topo-badge").size(), box.id());
      assertEquals(box.source().uri().toString(), g.getAttribute("data-uri"));
      assertEquals(String.valueOf(box.source().line()), g.getAttribute("data-line"));
    }
    long routed = diagram.edges().stream().filter(e -> e.route().size() >= 2).count();
    assertEquals(routed, elements(root, "path").stream().filter(p -> classes(p).contains("topo-edge")).count());
    assertEquals(diagram.partial(), !withClass(root, "topo-partial").isEmpty(), "the partial note");
    assertEquals(diagram.unplaced() > 0, !withClass(root, "topo-unplaced").isEmpty(), "the unplaced note");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theEmbeddableVariantIsTheStandaloneOneWithoutItsStyleAndNeitherHasAStyleAttribute(String sample) {
    Diagram diagram = laidOut(sample);
    String standalone = SvgWriter.standalone(diagram);
    String embeddable = SvgWriter.embeddable(diagram);
    assertEquals(1, elements(parse(standalone).getDocumentElement(), "style").size());
    Element root = parse(embeddable).getDocumentElement();
    assertTrue(elements(root, "style").isEmpty(), "no <style> in the embeddable variant");
    for (Element e : elements(root, "*")) {
      assertFalse(e.hasAttribute("style"), "a style attribute on <" + e.getTagName() + ">");
    }
    assertFalse(standalone.contains(" style="));
    assertEquals(standalone.replaceFirst("(?s)  <style>.*</style>\n", ""), embeddable);
  }

  /**
   * The editor's webview redraws only the top-level parts that changed, cutting the SVG by
   * its lines (vscode-extension/src/webview/svgParts.ts): the start tag on the first line,
   * each child of {@code <svg>} starting on a line indented by exactly two spaces, whatever
   * it holds indented more, {@code </svg>} on the last line.
   */
  @ParameterizedTest
  @MethodSource("samples")
  void eachTopLevelChildStartsOnALineOfItsOwnIndentedByTwoSpacesForTheWebviewToCut(String sample) {
    for (String svg : List.of(SvgWriter.standalone(laidOut(sample)), SvgWriter.embeddable(laidOut(sample)))) {
      List<String> lines = svg.lines().toList();
      assertTrue(lines.get(0).startsWith("<svg ") && lines.get(0).endsWith(">"), lines.get(0));
      assertEquals("</svg>", lines.get(lines.size() - 1));
      assertTrue(svg.endsWith("</svg>\n"));
      List<String> cut = new ArrayList<>();
      for (String line : lines.subList(1, lines.size() - 1)) {
        assertTrue(line.startsWith("  "), "indented: " + line);
        if (line.matches(" {2}<[^/\\s].*")) {
          Matcher id = Pattern.compile(" data-id=\"([^\"]*)\"").matcher(line);
          cut.add(line.substring(3).split("[\\s>/]", 2)[0] + (id.find() ? " " + id.group(1) : ""));
        }
      }
      List<String> children = new ArrayList<>();
      for (Node n = parse(svg).getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          children.add(e.getLocalName() + (e.hasAttribute("data-id") ? " " + Markup.escape(e.getAttribute("data-id")) : ""));
        }
      }
      assertEquals(children, cut, sample);
      assertTrue(children.stream().filter(c -> c.startsWith("g ")).count() >= 1, "the boxes are among them");
    }
  }

  /**
   * The webview compares a box that changed one level deeper, down its nested boxes (svgParts.ts
   * cutBox): a box's start tag on a line of its own, its own elements (title, frame, texts,
   * badge) each on one line two spaces deeper, before its child boxes, each of which starts on
   * such a line and ends there with {@code </g>}, and its own {@code </g>} as deep as its start.
   */
  @ParameterizedTest
  @MethodSource("samples")
  void eachBoxHasItsOwnElementsOneALineBeforeItsChildBoxesEachALevelDeeperForTheWebviewToCut(String sample) {
    String svg = SvgWriter.embeddable(laidOut(sample));
    Map<String, Element> groups = groups(parse(svg));
    List<String> lines = svg.lines().toList();
    Pattern boxStart = Pattern.compile("( *)<g class=\"topo-box[ \"].*");
    int cut = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher start = boxStart.matcher(lines.get(i));
      if (!start.matches()) {
        continue;
      }
      String indent = start.group(1);
      String inner = indent + "  ";
      int own = 0;
      List<String> children = new ArrayList<>();
      int j = i + 1;
      for (; !lines.get(j).equals(indent + "</g>"); j++) {
        String line = lines.get(j);
        assertTrue(line.startsWith(inner), "deeper than its box: " + line);
        if (line.startsWith(inner + " ")) {
          continue; // inside a child box
        }
        if (boxStart.matcher(line).matches()) {
          children.add(Markup.escape(attributeOf(line, "data-id")));
        } else if (!line.equals(inner + "</g>")) {
          assertTrue(children.isEmpty(), "an own element after a child box: " + line);
          assertTrue(line.endsWith(">"), "one line an own element: " + line);
          own++;
        }
      }
      Element box = groups.get(attributeOf(lines.get(i), "data-id"));
      List<String> domChildren = new ArrayList<>();
      int domOwn = 0;
      for (Node n = box.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && classes(e).contains("topo-box")) {
          domChildren.add(Markup.escape(e.getAttribute("data-id")));
        } else if (n instanceof Element) {
          domOwn++;
        }
      }
      assertEquals(domChildren, children, lines.get(i));
      assertEquals(domOwn, own, lines.get(i));
      cut++;
    }
    assertEquals(groups.size(), cut, "every box cut");
  }

  /** An attribute of the start tag on a line, its value unescaped as a parser gives it. */
  private static String attributeOf(String line, String name) {
    Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(line);
    assertTrue(value.find(), name + " in " + line);
    Document one = parse("<g xmlns=\"" + SVG + "\" a=\"" + value.group(1) + "\"/>");
    return one.getDocumentElement().getAttribute("a");
  }

  @Test
  void aFindingColoursItsBoxAndItsBadgeCountsTheFindingsAndShowsTheirMessages() {
    Diagram diagram = laidOut("rules/container-os-mismatch.topo");
    Box web = DiagramBuilderTest.box(diagram, "host:win-01/container:web");
    Element g = groups(parse(SvgWriter.standalone(diagram))).get(web.id());
    assertTrue(classes(g).contains("severity-error"), g.getAttribute("class"));
    Element badge = childrenWithClass(g, "topo-badge").get(0);
    assertEquals(String.valueOf(web.findings().size()), child(badge, "text").getTextContent());
    String tooltip = child(badge, "title").getTextContent();
    assertTrue(tooltip.startsWith("error container-os-mismatch: " + web.findings().get(0).message()), tooltip);
    assertEquals("container web\n" + tooltip, child(g, "title").getTextContent());
  }

  @Test
  void namesAndMessagesAreEscapedWhateverTheyHold() {
    String nasty = "a<b>&c\"d'e]]><!--x--><script>\u0001\uD800";
    Box box = new Box("host:" + nasty, EntityKind.HOST, nasty, new Span(URI.create("file:///ws/a%20b.topo"), 0, 1),
        new Source(URI.create("file:///ws/a%20b.topo"), 0, 0, 1, 1), List.of("fact " + nasty),
        List.of(new Mark(Severity.WARNING, "rule", "line one\nline <two> & " + nasty)), 8, 8, 300, 60, List.of());
    Diagram diagram = new Diagram(List.of(box), List.of(), 316, 76, true, 2, 3);
    Document svg = parse(SvgWriter.standalone(diagram));
    String readable = nasty.replace("\u0001", "\uFFFD").replace("\uD800", "\uFFFD");
    Element g = groups(svg).get("host:" + readable);
    assertNotNull(g, "the id survives as an attribute");
    assertEquals("host " + readable, textOf(g, "topo-title"));
    assertEquals("fact " + readable, textOf(g, "topo-fact"));
    assertEquals("warning rule: line one\nline <two> & " + readable,
        child(childrenWithClass(g, "topo-badge").get(0), "title").getTextContent());
    assertEquals("file:///ws/a%20b.topo", g.getAttribute("data-uri"));
    assertEquals("2 findings lie on no box and are not drawn.", withClass(svg.getDocumentElement(), "topo-unplaced")
        .get(0).getTextContent());
    assertTrue(withClass(svg.getDocumentElement(), "topo-folded").get(0).getTextContent().startsWith("A large design: 3 "));
  }

  @Test
  void theSameDiagramGivesTheSameBytesWithCompactNumbers() {
    String text = Diagrams.sample("shop.topo");
    String first = SvgWriter.standalone(Diagrams.laidOut(text));
    assertEquals(first, SvgWriter.standalone(Diagrams.laidOut(text)));
    Matcher geometry = Pattern.compile(" (?:x|y|width|height|cx|cy|r|d|viewBox)=\"([^\"]*)\"").matcher(first);
    int numbers = 0;
    while (geometry.find()) {
      for (String number : geometry.group(1).split("[ MLz]+")) {
        assertTrue(number.isEmpty() || number.matches("-?\\d+(\\.[1-9])?"), "compact: " + number);
        numbers++;
      }
    }
    assertTrue(numbers > 100, "the shop has many numbers: " + numbers);
  }

  @Test
  void anEdgeIsAPolylineThroughItsRouteEndingInAnArrowDashedWhenItIsAMayRunOn() {
    Box a = new Box("host:a", EntityKind.HOST, "a", new Span(URI.create("file:///ws/m.topo"), 0, 1),
        new Source(URI.create("file:///ws/m.topo"), 0, 0, 0, 1), List.of(), List.of(), 8, 8, 60, 32, List.of());
    Box b = new Box("pod:b", EntityKind.POD, "b", a.span(), a.source(), List.of(), List.of(), 108, 8, 60, 32, List.of());
    Edge edge = new Edge("e0", "pod:b", "host:a", Edge.Kind.MAY_RUN_ON,
        List.of(new Point(108, 24.04), new Point(88.25, 24.04), new Point(68, 24)));
    Edge unrouted = new Edge("e1", "host:a", "pod:b", Edge.Kind.NODE, List.of());
    Document svg = parse(SvgWriter.embeddable(new Diagram(List.of(a, b), List.of(edge, unrouted), 176, 48, false, 0, 0)));
    List<Element> paths = withClass(svg.getDocumentElement(), "topo-edge");
    assertEquals(1, paths.size(), "an edge without a route is left out");
    Element path = paths.get(0);
    assertEquals(Set.of("topo-edge", "edge-may-run-on"), classes(path));
    assertEquals("M108 24 L88.3 24 L68 24", path.getAttribute("d"));
    assertEquals("pod:b", path.getAttribute("data-from"));
    assertEquals("host:a", path.getAttribute("data-to"));
    assertEquals("url(#topo-arrow)", path.getAttribute("marker-end"));
    assertEquals("topo-edges", ((Element) path.getParentNode()).getAttribute("class"));
    assertTrue(SvgWriter.stylesheet().contains(".edge-may-run-on { stroke-dasharray"), "dashed by the stylesheet");
  }

  @Test
  void anEmptyOrBrokenProgramStillGivesAPictureThatSaysSo() {
    Document empty = parse(SvgWriter.standalone(Diagrams.laidOut("")));
    assertEquals(1, withClass(empty.getDocumentElement(), "topo-empty").size());
    assertTrue(Double.parseDouble(empty.getDocumentElement().getAttribute("width")) > 100, "wide enough for the note");
    Document broken = parse(SvgWriter.standalone(Diagrams.laidOut("host a {\n  cpu four\n}\nhost b {\n")));
    assertEquals(1, withClass(broken.getDocumentElement(), "topo-partial").size());
  }

  static Document parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
    }
  }

  private static Map<String, Element> groups(Document svg) {
    return withClass(svg.getDocumentElement(), "topo-box").stream()
        .collect(Collectors.toMap(g -> g.getAttribute("data-id"), g -> g));
  }

  /** The data-id of the nearest {@code g.topo-box} around the element, or null at the top. */
  private static String enclosingBox(Element element) {
    for (Node n = element.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
      if (classes(e).contains("topo-box")) {
        return e.getAttribute("data-id");
      }
    }
    return null;
  }

  private static List<Element> elements(Element root, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = root.getElementsByTagNameNS(SVG, localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static List<Element> withClass(Element root, String cssClass) {
    return elements(root, "*").stream().filter(e -> classes(e).contains(cssClass)).toList();
  }

  private static List<Element> childrenWithClass(Element parent, String cssClass) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && classes(e).contains(cssClass)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The element's first child of that name, in the SVG namespace. */
  private static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && SVG.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    throw new AssertionError("no <" + localName + "> in " + parent.getAttribute("class"));
  }

  private static String textOf(Element box, String cssClass) {
    return childrenWithClass(box, cssClass).get(0).getTextContent();
  }

  private static Set<String> classes(Element element) {
    String value = element.getAttribute("class");
    return Set.of(value.isBlank() ? new String[0] : value.trim().split("\\s+"));
  }
}
