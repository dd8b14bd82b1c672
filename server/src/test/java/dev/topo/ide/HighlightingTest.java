package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.syntax.Highlighter.Highlight;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** What each word is where it stands, for colouring: the roles, and the highlights a range asks for. */
class HighlightingTest {
  static final String TEXT = """
      host web-01 {
        os linux "rhel 9"
        memory 64GiB
        library openjdk "17.0.9"
        /* two
           lines */ }
      cluster k { nodes web-01, os }
      """;

  /** "text ROLE" for each highlight, in order. */
  static List<String> show(String text, List<Highlight> highlights) {
    return highlights.stream().map(h -> text.substring(h.start(), h.end()) + " " + h.role()).toList();
  }

  static List<String> roles(String text) {
    return show(text, Highlighting.of(Marked.of(text).snapshot(), Cancellation.NONE));
  }

  @Test
  void eachWordHasTheRoleItPlaysWhereItStands() {
    assertEquals(List.of("host KEYWORD", "web-01 DECLARATION", "os KEYWORD", "linux OS_FAMILY", "\"rhel 9\" STRING",
        "memory KEYWORD", "64 NUMBER", "GiB UNIT", "library KEYWORD", "openjdk LIBRARY", "\"17.0.9\" VERSION",
        "/* two\n     lines */ COMMENT", // one highlight over two lines: splitting it is the protocol's business
        "cluster KEYWORD", "k DECLARATION", "nodes KEYWORD", "web-01 REFERENCE",
        "os REFERENCE"), // a keyword used as a host's name is a reference too
        roles(TEXT));
  }

  @Test
  void aQuotedNameIsANameNotAString() {
    assertEquals(List.of("host KEYWORD", "\"ip-10.internal\" DECLARATION", "os KEYWORD", "\"linux\" STRING",
        "cluster KEYWORD", "\"k.1\" DECLARATION", "nodes KEYWORD", "\"ip-10.internal\" REFERENCE", "web REFERENCE"),
        roles("host \"ip-10.internal\" { os \"linux\" }\ncluster \"k.1\" { nodes \"ip-10.internal\", web }"));
  }

  @Test
  void closedSetsNamespacesPlatformsAndRequirements() {
    String text = """
        import "lib.topo"
        host h {
          runtime docker "24.0"
          container c {
            privileged true
            share pid, ipc
            os solaris
            module m { language java; requires openjdk ">=17"; load high } // done
          }
        }
        """;
    assertEquals(List.of(
        "import KEYWORD", "\"lib.topo\" STRING",
        "host KEYWORD", "h DECLARATION",
        "runtime KEYWORD", "docker PLATFORM", "\"24.0\" STRING",
        "container KEYWORD", "c DECLARATION",
        "privileged KEYWORD", "true VALUE",
        "share KEYWORD", "pid NAMESPACE", "ipc NAMESPACE",
        "os KEYWORD", // an unknown family gets no role: the diagnostic says what is wrong
        "module KEYWORD", "m DECLARATION", "language KEYWORD", "java PLATFORM",
        "requires KEYWORD", "openjdk LIBRARY_REFERENCE", "\">=17\" VERSION", "load KEYWORD",
        "high VALUE", "// done COMMENT"),
        roles(text));
  }

  @Test
  void theValuesOfTheLanguage2StatementsHaveTheirRoles() {
    String text = """
        host n {
          arch arm64
          kernel "5.15.0-1052-azure"
          cgroup v2
          label "node.kubernetes.io/pool" "gpu"
          container c { arch amd64, 386; isolation hyperv; cpu 500m; cpu-request 250m; memory-request 1GiB }
        }
        cluster k { nodes n; pod p { select os "linux" } }
        """;
    assertEquals(List.of("host KEYWORD", "n DECLARATION",
        "arch KEYWORD", "arm64 VALUE",
        "kernel KEYWORD", "\"5.15.0-1052-azure\" VERSION",
        "cgroup KEYWORD", "v2 VALUE",
        "label KEYWORD", "\"node.kubernetes.io/pool\" LABEL", "\"gpu\" STRING",
        "container KEYWORD", "c DECLARATION", "arch KEYWORD", "amd64 VALUE", "386 VALUE",
        "isolation KEYWORD", "hyperv VALUE", "cpu KEYWORD", "500 NUMBER", "m UNIT",
        "cpu-request KEYWORD", "250 NUMBER", "m UNIT", "memory-request KEYWORD", "1 NUMBER", "GiB UNIT",
        "cluster KEYWORD", "k DECLARATION", "nodes KEYWORD", "n REFERENCE",
        "pod KEYWORD", "p DECLARATION", "select KEYWORD", "os LABEL", "\"linux\" STRING"),
        roles(text));
  }

  @Test
  void halfTypedTextStillGetsTheRolesThatCanBeKnown() {
    List<String> roles = roles("host a {\n  os lin\n  container");
    assertTrue(roles.contains("a DECLARATION"), roles.toString());
    assertTrue(roles.contains("container KEYWORD"), roles.toString());
    assertEquals(List.of(), roles(""));
    assertEquals(List.of("\"unterminated STRING"), roles("\"unterminated"));
  }

  @Test
  void aRangeGetsTheHighlightsThatOverlapIt() {
    Marked marked = Marked.of(TEXT);
    Snapshot snapshot = marked.snapshot();
    int memory = marked.offsetOf("memory");
    int openjdk = marked.offsetOf("openjdk");
    assertEquals(List.of("memory KEYWORD", "64 NUMBER", "GiB UNIT", "library KEYWORD", "openjdk LIBRARY"),
        show(TEXT, Highlighting.in(snapshot, memory - 2, openjdk + 1, Cancellation.NONE)),
        "openjdk overlaps the range's end");
    assertEquals(show(TEXT, Highlighting.in(snapshot, memory - 2, openjdk + 1, Cancellation.NONE)),
        show(TEXT, Highlighting.in(snapshot, openjdk + 1, memory - 2, Cancellation.NONE)), "either order");
    assertEquals(List.of("memory KEYWORD"), show(TEXT, Highlighting.in(snapshot, memory + 6, memory + 6, Cancellation.NONE)),
        "an empty range gets what touches it");
    assertEquals(List.of(), show(TEXT, Highlighting.in(snapshot, memory - 1, memory - 1, Cancellation.NONE)));
  }

  @Test
  void aCancelledRequestStops() {
    Snapshot snapshot = Marked.of(TEXT).snapshot();
    assertThrows(CancellationException.class, () -> Highlighting.of(snapshot, () -> true));
  }
}
