package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.rules.Rules;
import dev.topo.model.EntityKind;
import dev.topo.model.Limits;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import dev.topo.workspace.ProgramLoader;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A check that keeps the block-scoped rules' findings of the blocks an edit left alone
 * ({@link BlockFindings}) must find exactly what a check of every block finds, after any
 * sequence of edits, as the editor makes them (one parse cache, re-parsing the edited block).
 */
class IncrementalCheckTest {
  private static final URI FILE = MemorySources.uri("main.topo");
  /** Edits inside blocks, new blocks, broken and mended braces, and the names other blocks refer to. */
  private static final String[] FRAGMENTS = {"x", "1", " ", "\n", "-", "}", "{", "\"", "cpu 2\n", "memory 4Gi\n",
      "os windows\n", "os linux\n", "os ubuntu 22.04\n", "arch arm64\n", "kernel 3.10\n", "cgroup v1\n",
      "container c9 { os linux }\n", "container j9 { image \"eclipse-temurin:8\" language java }\n",
      "// topo-ignore missing-limits\n", "image \"a:1\"\n", "image \"mcr.microsoft.com/windows/servercore:ltsc2019\"\n",
      "privileged true\n", "share pid\n", "isolation process\n", "library zlib \"1.2\"\n",
      "module m9 { requires zlib \">=1\" }\n", "module m8 { requires zlib \">=2\" load high }\n", "replicas 1\n",
      "host h9 { os linux }\n", "host h9 { os windows 10.0.17763 vm v9 { os linux } }\n",
      "cluster k9 { nodes h9 pod p9 { container c8 { os linux } } }\n", "nodes h9\n"};

  /** A rule that finds nothing and counts the entities of a kind it is shown, to tell which blocks were left out. */
  private static final class Shown implements Rule {
    private final Scope scope;
    private final EntityKind kind;
    int shown;

    Shown(Scope scope, EntityKind kind) {
      this.scope = scope;
      this.kind = kind;
    }

    @Override
    public Info info() {
      return new Info(kind.keyword() + "-shown-" + scope.name().toLowerCase(Locale.ROOT), Severity.INFO, "counts",
          "never", "nowhere");
    }

    @Override
    public Scope scope() {
      return scope;
    }

    @Override
    public void check(Program program, Acceptor acceptor) {
      shown += program.checked(kind).size();
    }
  }

  /**
   * Where to edit: anywhere, or half the time inside a cluster, whose pods change what the
   * rules of nodes (declared in other blocks) find there.
   */
  private static int place(String text, Random random) {
    int cluster = text.indexOf("cluster ", random.nextInt(text.length() + 1));
    if (cluster >= 0 && random.nextBoolean()) {
      int end = text.indexOf("\n}", cluster);
      return cluster + random.nextInt((end < 0 ? text.length() : end) - cluster + 1);
    }
    return random.nextInt(text.length() + 1);
  }

  @Test
  @Slow
  void randomEditSequencesFindWhatAFullCheckFinds() throws IOException {
    Random random = new Random(16);
    int shownIncrementally = 0;
    int shownInFull = 0;
    for (String start : TestFiles.sampleTextsAndAGeneratedProgram()) {
      Editor editor = new Editor();
      String text = start;
      for (int i = 0; i < 60; i++) {
        int at = place(text, random);
        int cut = random.nextInt(3) == 0 ? Math.min(text.length() - at, random.nextInt(8)) : 0;
        String insert = random.nextInt(4) == 0 ? "" : FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        text = text.substring(0, at) + insert + text.substring(at + cut);
        shownIncrementally += editor.check(text, "edit " + i + " at " + at + " inserting '" + insert + "' cutting " + cut);
      }
      shownInFull += editor.shownInFull;
    }
    // Most edits change one block: the incremental check must have been shown far fewer hosts.
    assertTrue(shownIncrementally < shownInFull / 2,
        "the incremental checks were shown " + shownIncrementally + " hosts, the full ones " + shownInFull);
  }

  /** A host's body with findings of several block-scoped rules (an unpinned image without limits or runtime). */
  private static final String FINDINGS = " container c { image \"a\" }";

  /** A file of more blocks than are worth the bookkeeping is checked whole each time. */
  @Test
  void aFileOfTooManyBlocksIsCheckedInFullEachTime() {
    assertEquals(1, hostsCheckedAfterAnEdit(BlockFindings.MAX_BLOCKS, " os linux"));
    assertEquals(BlockFindings.MAX_BLOCKS + 1, hostsCheckedAfterAnEdit(BlockFindings.MAX_BLOCKS + 1, " os linux"));
  }

  /**
   * A contained rule leaves an unchanged cluster alone; a block-scoped one checks it again when
   * a block declaring one of its nodes' names changed, was added or went.
   */
  @Test
  void aClusterIsCheckedAgainOnlyWhenItOrABlockNamingOneOfItsNodesChanged() {
    Editor editor = new Editor();
    String text = hosts(3, " os linux") + "cluster k { nodes h0, h1 pod p { container c { os linux } } pod q { } }\n";
    editor.check(text);
    editor.check(text = text.replace("host h2 {", "host h2 { cpu 2"));
    assertEquals(Map.of(Rule.Scope.BLOCK, 0, Rule.Scope.CONTAINED, 0), editor.podsShown, "a host that is no node was edited");
    editor.check(text = text.replace("host h1 {", "host h1 { cpu 2"));
    assertEquals(2, editor.podsShown.get(Rule.Scope.BLOCK), "a node was edited: block-scoped rules see the pods again");
    assertEquals(0, editor.podsShown.get(Rule.Scope.CONTAINED), "contained rules do not");
    String named = text;
    editor.check(text.replace("host h2 { cpu 2", "host h1 { cpu 3"));
    assertEquals(2, editor.podsShown.get(Rule.Scope.BLOCK), "another host took a node's name");
    editor.check(named);
    assertEquals(2, editor.podsShown.get(Rule.Scope.BLOCK), "and gave it back");
    editor.check(text.replace("pod q { }", "pod q { replicas 2 }"));
    assertEquals(2, editor.podsShown.get(Rule.Scope.CONTAINED), "the cluster itself was edited");
  }

  /**
   * A block whose text another block has too is not told apart from it by its text: a copy of a
   * node that comes first is the node the cluster's findings name, and taking it away again
   * makes the other copy the node.
   */
  @Test
  void aCopyOfANodeBeforeItIsTheNodeNamed() {
    Editor editor = new Editor();
    String node = "host n1 { os linux; cpu 4; memory 8Gi }\n";
    String rest = "cluster k { nodes n1 pod p { container c { os linux; image \"a:1\"; cpu 1; memory 1Gi } } }\n"
        + "host b { os linux }\n";
    editor.check(node + rest);
    editor.check("host a { os linux }\n" + node + node + rest);
    editor.check("host a { os linux }\n" + node + rest);
    editor.check(node + rest);
  }

  /**
   * A cluster left unchecked has its findings moved with the blocks they name: the cluster's
   * own places with the cluster, its nodes' (a related place, a fix's machine) with each node,
   * when an edit above moved them by different amounts.
   */
  @Test
  void aClustersFindingsMoveWithTheNodesTheyName() {
    Editor editor = new Editor();
    String cluster = "cluster k { nodes n1, n2 pod p { container c { os linux; image \"a:1\"; cpu 1; memory 1Gi } } }\n";
    String text = "host a { os linux }\nhost n1 { os linux; cpu 4; memory 8Gi }\n" + cluster
        + "host b { os linux }\nhost n2 { os linux; cpu 4; memory 8Gi }\n";
    editor.check(text);
    editor.check(text = text.replace("host a {", "host a { cpu 2"));
    editor.check(text = text.replace("host b {", "host b {\n  // a line\n "));
    assertEquals(0, editor.podsShown.get(Rule.Scope.BLOCK), "the cluster was left unchecked");
    assertTrue(editor.lastFindings.stream().anyMatch(f -> f.rule().id().equals("missing-runtime") && !f.related().isEmpty()),
        editor.lastFindings::toString);
  }

  /**
   * A file with more findings than it shows keeps none (keeping them all would double what
   * a huge file costs): each check is a full one, and still finds what a full check finds.
   */
  @Test
  void aFileWithMoreFindingsThanItShowsIsCheckedInFullEachTime() {
    assertEquals(1, hostsCheckedAfterAnEdit(Limits.MAX_FINDINGS_PER_FILE / 20, FINDINGS), "a block edited in a file of few findings");
    int many = Limits.MAX_FINDINGS_PER_FILE;
    assertEquals(many, hostsCheckedAfterAnEdit(many, FINDINGS), "a block edited in a file of more findings than are shown");
  }

  /** Findings kept from earlier checks count towards the cap, not only those a check finds anew. */
  @Test
  void findingsKeptFromEarlierChecksCountTowardsTheCap() {
    Editor editor = new Editor();
    // Five block-scoped findings a host: 150 hosts keep 750, then 100 more found anew pass the cap together.
    editor.check(hosts(150, FINDINGS) + hosts(100, " os linux"));
    String all = hosts(150, FINDINGS) + hosts(100, FINDINGS);
    editor.check(all);
    assertEquals(250, editor.check(all.replaceFirst("\\{", "{ cpu 2")), "every host is checked again past the cap");
  }

  /** So many hosts, each with this body, named by their place. */
  private static String hosts(int count, String body) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("host h").append(i).append(" {").append(body).append(" }\n");
    }
    return text.toString();
  }

  /** How many hosts the block-scoped rules are shown after the first of so many hosts, each with this body, is edited. */
  private static int hostsCheckedAfterAnEdit(int hosts, String body) {
    Editor editor = new Editor();
    String text = hosts(hosts, body);
    editor.check(text);
    return editor.check(text.replaceFirst("\\{", "{ cpu 2"));
  }

  /** One document's checks as the editor makes them: one parse cache, one {@link BlockFindings}. */
  private static final class Editor {
    private final Shown counter = new Shown(Rule.Scope.BLOCK, EntityKind.HOST);
    private final Map<Rule.Scope, Shown> pods = Map.of(Rule.Scope.BLOCK, new Shown(Rule.Scope.BLOCK, EntityKind.POD),
        Rule.Scope.CONTAINED, new Shown(Rule.Scope.CONTAINED, EntityKind.POD));
    /** Pods the rules of each scope were shown by the last incremental check. */
    final Map<Rule.Scope, Integer> podsShown = new EnumMap<>(Rule.Scope.class);
    private final Checker checker;
    private final BlockFindings blocks = new BlockFindings();
    private final ParseCache cache = new ParseCache();

    Editor() {
      List<Rule> rules = new ArrayList<>(Rules.all());
      rules.add(counter);
      rules.addAll(pods.values());
      checker = new Checker(rules, Config.DEFAULT);
    }

    /** Hosts the block-scoped rules were shown by the full checks {@link #check} compared with. */
    int shownInFull;
    /** What the last incremental check found. */
    List<Finding> lastFindings = List.of();

    int check(String text) {
      return check(text, "");
    }

    /**
     * Checks a version as the editor does, holds it to a full check (findings and the
     * suppressions used), and says how many hosts the block-scoped rules were shown.
     */
    int check(String text, String edit) {
      Program program = load(text, cache);
      int before = counter.shown;
      Map<Rule.Scope, Integer> podsBefore = new EnumMap<>(Rule.Scope.class);
      pods.forEach((scope, shown) -> podsBefore.put(scope, shown.shown));
      Checker.Result incremental = checker.run(program, Cancellation.NONE, false, blocks);
      int between = counter.shown;
      pods.forEach((scope, shown) -> podsShown.put(scope, shown.shown - podsBefore.get(scope)));
      Checker.Result full = checker.run(program, Cancellation.NONE, false);
      shownInFull += counter.shown - between;
      String where = edit + " of:\n" + text;
      assertEquals(full.findings(), incremental.findings(), where);
      lastFindings = incremental.findings();
      assertEquals(full.suppressionsUsed(), incremental.suppressionsUsed(), where);
      return between - before;
    }
  }

  private static Program load(String text, ParseCache cache) {
    return new ProgramLoader(new MemorySources().with("main.topo", text), cache, MemorySources.ROOT).load(FILE, text);
  }
}
