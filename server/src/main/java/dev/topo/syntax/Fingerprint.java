package dev.topo.syntax;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Keyword;
import dev.topo.model.Library;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.Property;
import dev.topo.model.Requirement;
import dev.topo.model.Suppression;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * What a file's model says, without where it says it: two texts that differ only in layout
 * have the same fingerprint. The formatter compares the fingerprints of its input and its
 * output and gives up rather than hand back a text that means something else.
 */
final class Fingerprint {
  private Fingerprint() {}

  /**
   * @param statementStarts the start offsets of the file's statements in ascending order, so
   *     that a suppression's target is named by its ordinal instead of its offset
   */
  static String of(FileModel file, List<Integer> statementStarts) {
    StringBuilder out = new StringBuilder();
    for (Import anImport : file.imports()) {
      out.append("import ").append(anImport.path()).append('\n');
    }
    for (Entity declaration : file.declarations()) {
      entity(declaration, 0, out);
    }
    for (Problem problem : file.problems()) {
      out.append("problem ").append(problem.code().id()).append(' ').append(problem.message()).append('\n');
    }
    for (Suppression s : file.suppressions()) {
      out.append("suppress ").append(new TreeSet<>(s.ruleIds())).append(" at statement ")
          .append(Collections.binarySearch(statementStarts, s.target().start())).append(" because ").append(s.reason()).append('\n');
    }
    return out.toString();
  }

  private static void entity(Entity e, int depth, StringBuilder out) {
    String indent = " ".repeat(depth);
    out.append(indent).append(e.kind().keyword()).append(' ').append(e.name().text()).append('\n');
    for (Keyword keyword : Keyword.properties()) {
      e.properties().get(keyword).ifPresent(p -> property(keyword, p, indent, out));
      for (Property<?> p : e.properties().all(keyword)) {
        property(keyword, p, indent, out);
      }
    }
    for (Library l : e.libraries()) {
      out.append(indent).append(" library ").append(l.name().text()).append(' ').append(l.versionText())
          .append(' ').append(l.version().isPresent()).append('\n');
    }
    for (Requirement r : e.requirements()) {
      out.append(indent).append(" requires ").append(r.library().text()).append(' ').append(r.rangeText())
          .append(' ').append(r.range().isPresent()).append('\n');
    }
    for (Entity child : e.children()) {
      entity(child, depth + 1, out);
    }
  }

  private static void property(Keyword keyword, Property<?> property, String indent, StringBuilder out) {
    Object value = property.value();
    String shown = value instanceof List<?> list
        ? list.stream().map(x -> x instanceof Name n ? n.text() : String.valueOf(x)).toList().toString()
        : String.valueOf(value);
    out.append(indent).append(' ').append(keyword.word()).append(' ').append(shown).append('\n');
  }
}
