package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.OsFamily;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologySyntaxTest {
  static final URI URI_ = URI.create("file:///work/test.topo");

  static FileModel parse(String text) {
    return TopologySyntax.parse(URI_, text);
  }

  static List<String> problems(FileModel model) {
    return model.problems().stream().map(p -> p.code() + ": " + p.message()).toList();
  }

  @Test
  void buildsEntitiesWithTheirProperties() {
    FileModel model = parse("""
        import "base.topo"
        host web-01 {
          os linux "rhel 7"; cpu 16; memory 64GiB
          hypervisor kvm
          runtime docker "24.0"
          library openjdk "1.8.0_292"
          vm app { os windows; container c { image "x:1"; privileged false; share network, pid } }
          module m { language java; requires openjdk ">=1.8 <9"; load high }
        }
        cluster k { nodes web-01, app; pod p { replicas 3 } }
        """);
    assertEquals(List.of(), problems(model));
    assertEquals("base.topo", model.imports().get(0).path());
    Entity host = model.declarations().get(0);
    assertEquals("web-01", host.name().text());
    assertEquals(OsFamily.LINUX, host.properties().osFamily().orElseThrow());
    assertEquals("rhel 7", host.properties().os().orElseThrow().value().release().orElseThrow());
    assertEquals(16.0, host.properties().cpuValue().orElseThrow());
    assertEquals(64L << 30, host.properties().memoryValue().orElseThrow().bytes());
    assertEquals("kvm", host.properties().hypervisor().orElseThrow().value().name());
    assertEquals("1.8.0_292", host.libraries().get(0).versionText());
    Entity vm = host.children(EntityKind.VM).get(0);
    Entity container = vm.children(EntityKind.CONTAINER).get(0);
    assertEquals(2, container.properties().share().orElseThrow().value().size());
    assertEquals(Boolean.FALSE, container.properties().privileged().orElseThrow().value());
    Entity module = host.children(EntityKind.MODULE).get(0);
    assertEquals("java", module.properties().language().orElseThrow().value());
    Entity cluster = model.declarations().get(1);
    assertEquals(List.of("web-01", "app"), cluster.properties().nodes().orElseThrow().value().stream().map(n -> n.text()).toList());
    assertEquals(3, cluster.children(EntityKind.POD).get(0).properties().replicaCount());
  }

  @Test
  void keywordsAreNamesWhereNoStatementStarts() {
    FileModel model = parse("host os { container vm { os linux } }\ncluster host { nodes os }");
    assertEquals(List.of(), problems(model));
    assertEquals("os", model.declarations().get(0).name().text());
    assertEquals("vm", model.declarations().get(0).children().get(0).name().text());
  }

  @Test
  void aSyntaxErrorInTheFirstBlockLeavesTheLaterBlocksModelled() {
    FileModel model = parse("""
        host broken {
          container web { os = linux cpu }
        }
        host win-01 { os windows; runtime docker; container app { os linux } }
        """);
    assertTrue(model.problems().stream().allMatch(p -> p.code() == ProblemCode.SYNTAX), problems(model).toString());
    assertFalse(model.problems().isEmpty());
    Entity win = model.declarations().stream().filter(e -> e.name().text().equals("win-01")).findFirst().orElseThrow();
    assertEquals(OsFamily.LINUX, win.children().get(0).properties().osFamily().orElseThrow());
  }

  @Test
  void saysWhatWasExpectedInWords() {
    assertEquals(List.of("syntax: unexpected 'four': expected a number of cores such as 2 or 500m"), problems(parse("host a { cpu four }")));
    assertEquals(List.of("syntax: unexpected '512Mi': expected a number"), problems(parse("cluster k { pod p { replicas 512Mi } }")));
    assertEquals(List.of("syntax: missing a quoted string before '}'"), problems(parse("host a { container c { image } }")));
    assertEquals(List.of("syntax: unexpected character '@'"), problems(parse("host a { @ }")));
  }

  /**
   * Found by IncrementalSyncTest through the protocol: an emoji outside a string is two
   * UTF-16 units, and its first half alone in the message reached the client as '?'.
   */
  @Test
  void aCharacterOutsideTheBmpIsReportedWholeAndOddCharactersByTheirCode() {
    FileModel model = parse("host a { 😀 }");
    assertEquals(List.of("syntax: unexpected character '😀'"), problems(model));
    assertEquals(9, model.problems().get(0).span().start());
    assertEquals(11, model.problems().get(0).span().end(), "the span covers both halves");
    assertEquals(List.of("syntax: unexpected character U+D800"), problems(parse("host a { \uD800 }")));
    assertEquals(List.of("syntax: unexpected character U+0000"), problems(parse("host a { \u0000 }")));
  }

  /** Found by IncrementalSyncTest again: a message that names the token after a missing one showed half an emoji. */
  @Test
  void aMissingNameBeforeAnEmojiNamesTheHalfByItsCode() {
    List<String> problems = problems(parse("cluster k { nodes\uD834\uDD1E host-0 }"));
    assertTrue(problems.contains("syntax: missing a name before U+D834"), problems.toString());
    assertTrue(problems.stream().allMatch(p -> p.codePoints().noneMatch(c -> Character.isSurrogate((char) c)
        && Character.charCount(c) == 1)), problems.toString());
  }

  /**
   * Found by CoreIsolationTest: a shebang line made ANTLR give up the whole file, so its
   * imports and hosts were never analysed. Two or more stray tokens before the first
   * statement of a file or of a block are now skipped as they are after it.
   */
  @Test
  void junkBeforeTheFirstStatementOfAFileOrBlockLosesNothingAfterIt() {
    FileModel shebang = parse("#!/bin/sh\nimport \"lib.topo\"\nhost a { os linux }\n");
    assertEquals(List.of("syntax: unexpected character '#'"), problems(shebang));
    assertEquals(1, shebang.imports().size());
    assertEquals(List.of("a"), shebang.declarations().stream().map(e -> e.name().text()).toList());

    FileModel conflict = parse("<<<<<<< HEAD\nhost a { os linux }\n=======\nhost b { os windows }\n>>>>>>> x\nhost c { }\n");
    assertEquals(List.of("a", "b", "c"), conflict.declarations().stream().map(e -> e.name().text()).toList());
    assertEquals(3, conflict.problems().size(), problems(conflict).toString());

    FileModel typo = parse("host a {\n  xx yy\n  os linux\n  container c { os linux }\n}\nhost b { }\n");
    assertEquals(List.of("syntax: unexpected 'xx': expected a statement or '}'"), problems(typo));
    Entity a = typo.declarations().get(0);
    assertEquals(List.of("c"), a.children().stream().map(e -> e.name().text()).toList(), "the block keeps its contents");
    assertEquals(OsFamily.LINUX, a.properties().osFamily().orElseThrow());
  }

  /** Found by typing `memory` on a line of its own above another block (TypingTest). */
  @Test
  void aMemoryWithoutAmountBeforeTheNextStatementIsASyntaxErrorNotACrash() {
    FileModel model = parse("host a {\n  memory\n}\nhost b { os linux }");
    assertEquals(1, model.problems().size(), problems(model).toString());
    assertEquals(ProblemCode.SYNTAX, model.problems().get(0).code());
    assertEquals(List.of("a", "b"), model.declarations().stream().map(e -> e.name().text()).toList());
    assertTrue(model.declarations().get(0).properties().memoryValue().isEmpty());
  }

  @Test
  void aMissingBraceIsReportedAtTheEnd() {
    FileModel model = parse("host a {\n  os linux\n");
    assertEquals(1, model.problems().size());
    Problem p = model.problems().get(0);
    assertTrue(p.message().contains("end of file"), p.message());
    assertEquals(model.text().length(), p.span().start());
    assertEquals("a", model.declarations().get(0).name().text());
  }

  @Test
  void aHostInsideABlockIsKeptAtTheTopAndTheMissingBraceSuggested() {
    FileModel model = parse("host a {\n  os linux\nhost b { os windows }\n}");
    assertEquals(List.of("misplaced-property: host 'b' cannot be declared in host 'a'; hosts are declared at the top"
        + " of a file. Is a '}' missing before it?"), problems(model));
    assertEquals(List.of("a", "b"), model.declarations().stream().map(e -> e.name().text()).sorted().toList());
  }

  @Test
  void propertiesOutOfPlaceOrRepeatedAreProblemsNotParseFailures() {
    FileModel model = parse("host a { image \"x:1\"; cpu 1; cpu 2; replicas 2 }\nos linux\ncluster c { container x { } }");
    assertEquals(List.of(
        "misplaced-property: 'image' is not allowed in host 'a': it belongs in a container",
        "misplaced-property: 'cpu' is given twice in host 'a'; only the first counts",
        "misplaced-property: 'replicas' is not allowed in host 'a': it belongs in a pod",
        "misplaced-property: 'os' is not allowed at the top of a file: it belongs in a host, vm or container",
        "misplaced-property: container 'x' cannot be declared in cluster 'c': containers belong in a host, vm or pod"),
        problems(model));
    assertEquals(1.0, model.declarations().get(0).properties().cpuValue().orElseThrow(), "the first counts");
  }

  @Test
  void blocksThatBelongInsideOthersAreNotAcceptedAtTheTop() {
    assertEquals(List.of(
        "misplaced-property: vm 'v' cannot be declared at the top of a file: vms belong in a host",
        "misplaced-property: container 'c' cannot be declared at the top of a file: containers belong in a host, vm or pod",
        "misplaced-property: module 'm' cannot be declared at the top of a file: modules belong in a host, vm or container"),
        problems(parse("vm v { }\ncontainer c { }\nmodule m { }")));
    assertEquals(List.of("misplaced-property: 'import' is not allowed in host 'a': it belongs at the top of a file"),
        problems(parse("host a { import \"x.topo\" }")));
  }

  @Test
  void badEscapesAreReportedInEveryString() {
    assertEquals(List.of(
        "invalid-value: unknown escape '\\l' in a string: only \\\" and \\\\ are escapes",
        "invalid-value: unknown escape '\\.' in a string: only \\\" and \\\\ are escapes",
        "invalid-value: unknown escape '\\d' in a string: only \\\" and \\\\ are escapes"),
        problems(parse("import \"lib\\l.topo\"\nhost a { library openssl \"3\\.0\"; module m { requires x \"\\d\" } }")));
  }

  @Test
  void aQuotedNameIsTheTextInsideItsQuotesWhereverAnEntityIsNamed() {
    FileModel model = parse("""
        host "ip-10-0-1-23.ec2.internal" { container "web.v2" { } module "a \\"b\\" \\\\ c" { } }
        cluster "10.0.0.5" { nodes "ip-10-0-1-23.ec2.internal", web, "host"; pod "p.1" { } }
        """);
    assertEquals(List.of(), problems(model));
    Entity host = model.declarations().get(0);
    assertEquals("ip-10-0-1-23.ec2.internal", host.name().text());
    assertEquals(5, model.span(host.name()).start());
    assertEquals(32, model.span(host.name()).end(), "the name's span is the whole quoted name");
    assertEquals("web.v2", host.children(EntityKind.CONTAINER).get(0).name().text());
    assertEquals("a \"b\" \\ c", host.children(EntityKind.MODULE).get(0).name().text(), "escapes are resolved");
    Entity cluster = model.declarations().get(1);
    assertEquals("10.0.0.5", cluster.name().text());
    assertEquals(List.of("ip-10-0-1-23.ec2.internal", "web", "host"),
        cluster.properties().nodes().orElseThrow().value().stream().map(n -> n.text()).toList());
    assertEquals("p.1", cluster.children(EntityKind.POD).get(0).name().text());
  }

  @Test
  void anEmptyQuotedNameOrABadEscapeInOneIsAProblem() {
    assertEquals(List.of("invalid-value: a name cannot be empty: write one between the quotes",
        "invalid-value: a name cannot be empty: write one between the quotes"),
        problems(parse("host \"\" { }\ncluster k { nodes \"\" }")));
    assertEquals(List.of("invalid-value: unknown escape '\\.' in a string: only \\\" and \\\\ are escapes"),
        problems(parse("host \"a\\.b\" { }")));
  }

  @Test
  void onlyNamesOfEntitiesMayBeQuoted() {
    assertEquals(List.of("syntax: unexpected '\"linux\"': expected a name"), problems(parse("host a { os \"linux\" }")));
    assertEquals(List.of("syntax: unexpected '\"openssl\"': expected a name"),
        problems(parse("host a { library \"openssl\" \"3.0\" }")));
  }

  @Test
  void lessThanOneByteOfMemoryIsInvalid() {
    assertEquals(List.of("invalid-value: memory 0.5 is less than one byte"), problems(parse("host a { memory 0.5 }")));
  }

  @Test
  void importsComeFirstButALateOneIsStillFollowed() {
    FileModel model = parse("host a { }\nimport \"b.topo\"");
    assertEquals(List.of("misplaced-property: an import must come before the hosts and clusters of a file; it is still followed"),
        problems(model));
    assertEquals(1, model.imports().size());
  }

  @Test
  void invalidValuesAreProblemsAndLeaveThePropertyPresentButUnknown() {
    FileModel model = parse("host a { os solaris; cpu -2; memory 3Xi }\ncluster c { pod p { replicas 1.5 } }\n"
        + "host b { library x \"1.x.y\"; module m { requires x \">=\"; load extreme } }\n"
        + "host d { runtime docker; container c { privileged maybe; share network, time; image \"\" } }");
    assertEquals(List.of(
        "invalid-value: unknown OS family 'solaris': use linux, windows, macos, freebsd",
        "invalid-value: cpu must be more than zero cores, not -2",
        "invalid-value: unknown memory unit 'Xi': use Ki, Mi, Gi, Ti (powers of 1024) or K, M, G, T (powers of 1000), optionally followed by B",
        "invalid-value: replicas is a whole number, not 1.5",
        "invalid-value: '1.x.y' is not a version: use numbers separated by dots, optionally followed by _update, -revision or -pre-release, and +build (1.8.0_292-b10, 2.28-225, 11.0.2-ea, 17.0.9+9)",
        "invalid-value: '>=' is not a comparator: write an operator (= > >= < <=) followed by a version, a bare version such as 17, or *",
        "invalid-value: load is low, medium, high, not 'extreme'",
        "invalid-value: privileged is true or false, not 'maybe'",
        "invalid-value: unknown namespace 'time': use network, pid, ipc, uts, mount, user",
        "invalid-value: the image reference is empty: write registry/name:tag"), problems(model));
    Entity a = model.declarations().get(0);
    assertTrue(a.properties().cpu().isPresent());
    assertTrue(a.properties().cpuValue().isEmpty());
    assertTrue(a.properties().os().isPresent());
    assertTrue(a.properties().osFamily().isEmpty());
  }

  @Test
  void unterminatedStringsAndCommentsAreReported() {
    assertEquals(List.of("syntax: unterminated string: add the closing '\"' on the same line"),
        problems(parse("host a { container c { image \"nginx:1\n } }")));
    assertEquals(List.of("syntax: unterminated comment: '/*' has no closing '*/'"),
        problems(parse("host a { } /* never closed\n host b { }")));
    assertEquals(List.of("invalid-value: unknown escape '\\n' in a string: only \\\" and \\\\ are escapes"),
        problems(parse("host a { os linux \"x\\n\" }")));
  }

  @Test
  void escapesAreResolved() {
    FileModel model = parse("host a { os linux \"say \\\"hi\\\" \\\\ bye\" }");
    assertEquals("say \"hi\" \\ bye", model.declarations().get(0).properties().os().orElseThrow().value().release().orElseThrow());
  }

  @Test
  void aByteOrderMarkAndAnyLineEndsAreWhiteSpace() {
    FileModel model = parse("\uFEFFhost a {\r\n  os linux\r  cpu 2\n}");
    assertEquals(List.of(), problems(model));
    assertEquals(2, model.span(model.declarations().get(0)).start() + 1, "offsets count the BOM");
  }

  @Test
  void deepNestingIsBoundedNotAStackOverflow() {
    int depth = 100_000;
    String text = "host a " + "{ container c ".repeat(depth) + "}".repeat(depth);
    FileModel model = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(text));
    assertTrue(problems(model).stream().anyMatch(p -> p.contains("nested more than " + TopologySyntax.MAX_NESTING)),
        problems(model).toString());
    assertEquals(1, model.declarations().size());
  }

  @Test
  void bareBracesNestedDeeplyAreBoundedToo() {
    String text = "{".repeat(100_000) + "}".repeat(100_000) + "\nhost z { os linux }";
    FileModel model = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(text));
    assertFalse(model.problems().isEmpty());
  }

  @Test
  void aTextOverTheLimitGetsOneProblemAndNoParse() {
    String text = "x".repeat(TopologySyntax.MAX_TEXT_LENGTH + 1);
    FileModel model = parse(text);
    assertEquals(1, model.problems().size());
    assertTrue(model.problems().get(0).message().startsWith("the file is too large"));
  }

  @Test
  void suppressionCommentsFindTheirStatements() {
    String text = """
        host a {
          // topo-ignore missing-limits, unpinned-image no image yet
          container c { os linux }
          container d { cpu 1 } // topo-ignore unknown-os
          container e {
            privileged true // topo-ignore weak-isolation
          }
          // topo-ignore unknown-os
        }
        """;
    FileModel model = parse(text);
    assertEquals(3, model.suppressions().size(), "the last comment precedes no statement");
    var first = model.suppressions().get(0);
    assertEquals(java.util.Set.of("missing-limits", "unpinned-image"), first.ruleIds());
    assertEquals("no image yet", first.reason());
    assertEquals(text.indexOf("container c"), first.target().start());
    assertEquals(text.indexOf("container d"), model.suppressions().get(1).target().start());
    assertEquals(text.indexOf("privileged true"), model.suppressions().get(2).target().start());
  }

  @Test
  void problemsAreListedInTheOrderOfTheText() {
    // 'B' is found by the shape of its statement, 'are' by the parser: two stages, one order.
    SyntaxTree tree = TopologySyntax.parseTree(URI_, "host a { memory 4Gi B }\nare you\n");
    assertEquals(List.of(20, 24), tree.problems().stream().map(p -> p.span().start()).toList(),
        tree.problems().toString());
  }
}
