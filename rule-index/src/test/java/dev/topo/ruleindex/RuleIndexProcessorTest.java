package dev.topo.ruleindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small sources with the processor and reads the index it writes. */
class RuleIndexProcessorTest {
  private static final String RULE = "package dev.topo.check; public interface Rule { }";

  @TempDir
  Path out;

  /** The generated index, or null when none was written; fails when the compilation does. */
  private String compile(Map<String, String> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(new SimpleJavaFileObject(
        java.net.URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    }));
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    StringWriter messages = new StringWriter();
    JavaCompiler.CompilationTask task = javac.getTask(messages, null, null,
        List.of("-d", classes.toString(), "-s", generated.toString()), null, files);
    task.setProcessors(List.of(new RuleIndexProcessor()));
    assertTrue(task.call(), messages.toString());
    Path index = generated.resolve("dev/topo/check/rules/RuleIndex.java");
    return Files.exists(index) ? Files.readString(index) : null;
  }

  @Test
  void listsEveryPublicConcreteRuleWithANoArgumentConstructorByName() throws IOException {
    String index = compile(Map.of(
        "dev.topo.check.Rule", RULE,
        "dev.topo.check.rules.ZetaRule", "package dev.topo.check.rules; public final class ZetaRule implements dev.topo.check.Rule { }",
        "dev.topo.check.rules.AlphaRule", "package dev.topo.check.rules; public class AlphaRule implements dev.topo.check.Rule { public AlphaRule() { } }",
        "dev.topo.check.rules.Generic", "package dev.topo.check.rules; public final class Generic implements dev.topo.check.Rule { public Generic(int code) { } }",
        "dev.topo.check.rules.Base", "package dev.topo.check.rules; public abstract class Base implements dev.topo.check.Rule { }",
        "dev.topo.check.rules.Hidden", "package dev.topo.check.rules; final class Hidden implements dev.topo.check.Rule { }",
        "dev.topo.check.rules.Helper", "package dev.topo.check.rules; public final class Helper { }",
        "dev.topo.check.Elsewhere", "package dev.topo.check; public final class Elsewhere implements Rule { }"));
    assertTrue(index.contains("return List.of(\n        new AlphaRule(),\n        new ZetaRule());"), index);
    for (String skipped : List.of("Generic", "Base", "Hidden", "Helper", "Elsewhere")) {
      assertFalse(index.contains("new " + skipped + "("), skipped + " is not a rule to index: " + index);
    }
  }

  @Test
  void writesNothingWithoutTheRuleInterfaceOrWithoutRules() throws IOException {
    assertEquals(null, compile(Map.of("dev.topo.check.rules.AlphaRule",
        "package dev.topo.check.rules; public final class AlphaRule { }")));
    assertEquals(null, compile(Map.of("dev.topo.check.Rule", RULE,
        "dev.topo.check.rules.Helper", "package dev.topo.check.rules; public final class Helper { }")));
  }
}
