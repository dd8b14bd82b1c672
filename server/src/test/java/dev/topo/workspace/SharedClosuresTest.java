package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.model.FileModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Programs made from the closures the loader shares among the files of a run are those a walk
 * of each program finds, over random workspaces of imports (chains, diamonds, cycles, missing
 * and outside imports, one file named several ways), loaded in random orders: the same files in
 * the same order, the same import problems and the same findings of every rule.
 */
class SharedClosuresTest {
  private static final Checker CHECKER = new Checker(Rules.all(), Config.DEFAULT);
  private static final String[] NAMES = {"web", "db", "cache", "edge"};

  @Test
  void sharedClosuresMakeTheProgramsAWalkMakes() {
    int shared = 0;
    Set<String> rulesFound = new TreeSet<>();
    for (int seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      int count = 2 + random.nextInt(9);
      MemorySources sources = workspace(random, count);
      ProgramLoader sharing = ProgramLoader.forManyRoots(sources, new ParseCache(), MemorySources.ROOT);
      ProgramLoader walking = new ProgramLoader(sources, new ParseCache(), MemorySources.ROOT);
      List<URI> roots = new ArrayList<>(sources.uris());
      Collections.shuffle(roots, random);
      for (URI root : roots) {
        Program fromClosures = sharing.load(root).orElseThrow();
        Program walked = walking.load(root).orElseThrow();
        String where = "seed " + seed + ", root " + root;
        assertEquals(uris(walked), uris(fromClosures), where);
        assertEquals(walked.importProblems(), fromClosures.importProblems(), where);
        for (FileModel file : walked.files()) {
          assertEquals(walked.rootImportOf(file.uri()), fromClosures.rootImportOf(file.uri()), where);
        }
        assertEquals(walked.rootImports().stream().map(FileModel::uri).toList(),
            fromClosures.rootImports().stream().map(FileModel::uri).toList(), where);
        List<String> expected = findings(walked);
        assertEquals(expected, findings(fromClosures), where);
        assertEquals(findings(walked.lookingEverywhere()), expected, where + ": the rules looking everywhere");
        expected.forEach(f -> rulesFound.add(f.substring(0, f.indexOf(' '))));
        shared += walked.files().size() > 1 ? 1 : 0;
      }
    }
    assertTrue(shared > 1000, "programs with imports compared: " + shared);
    assertTrue(rulesFound.containsAll(List.of("duplicate-name", "import-error", "overcommit", "unknown-reference")),
        "the workspaces give the rules that read other files something to find: " + rulesFound);
    assertTrue(!rulesFound.contains("syntax"), "the workspaces are written without syntax errors");
  }

  /** Files f0..f(n-1), half in a/ and half in b/, each importing a few others in one of several spellings. */
  private static MemorySources workspace(Random random, int count) {
    MemorySources sources = new MemorySources();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      int imports = random.nextInt(4);
      for (int k = 0; k < imports; k++) {
        text.append("import \"").append(importPath(random, i, random.nextInt(count + 1))).append("\"\n");
      }
      int hosts = 1 + random.nextInt(2);
      for (int h = 0; h < hosts; h++) {
        String name = random.nextInt(3) == 0 ? NAMES[random.nextInt(NAMES.length)] : "h" + i + "x" + h;
        text.append("host ").append(name).append(" {\n  os linux \"ubuntu 22.04\"\n  cpu 4\n  memory 8GiB\n  runtime containerd\n");
        if (random.nextBoolean()) {
          text.append("  container app { image \"nginx:1.25\"\n cpu 8\n memory 1GiB }\n");
        }
        text.append("}\n");
      }
      if (random.nextInt(4) == 0) {
        text.append("cluster k").append(i).append(" {\n  nodes ").append(NAMES[random.nextInt(NAMES.length)])
            .append(", h").append(random.nextInt(count)).append("x0\n  pod p").append(i)
            .append(" { container c { image \"nginx:1.25\"\n cpu 16\n memory 1GiB } }\n}\n");
      }
      sources.with(folder(i) + "f" + i + ".topo", text.toString());
    }
    return sources;
  }

  private static String folder(int file) {
    return file % 2 == 0 ? "a/" : "b/";
  }

  /** A path from one file to another: plain, with {@code ./}, through the parent, or to no file at all. */
  private static String importPath(Random random, int from, int to) {
    if (to == from + 100 || random.nextInt(12) == 0) {
      return random.nextBoolean() ? "missing.topo" : "../../outside.topo";
    }
    String target = "f" + to + ".topo";
    boolean sameFolder = folder(from).equals(folder(to));
    return switch (random.nextInt(3)) {
      case 0 -> sameFolder ? target : "../" + folder(to) + target;
      case 1 -> sameFolder ? "./" + target : "./../" + folder(to) + target;
      default -> "../" + folder(to) + target;
    };
  }

  private static List<URI> uris(Program program) {
    return program.files().stream().map(FileModel::uri).toList();
  }

  private static List<String> findings(Program program) {
    return CHECKER.check(program, Cancellation.NONE).stream().map(SharedClosuresTest::describe).toList();
  }

  private static String describe(Finding f) {
    return f.rule().id() + " " + f.severity() + " " + f.span() + " " + f.text() + " " + f.related();
  }
}
