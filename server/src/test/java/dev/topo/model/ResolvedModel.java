package dev.topo.model;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A file's model as text, every element's place as its version puts it: two models compare
 * alike when they say the same things at the same places of the text, whatever the blocks their
 * elements count from. A model's {@code equals} tells two parses of one text apart, as their
 * blocks' {@link Origin}s differ, which is what keeps two copies of a block two.
 */
public final class ResolvedModel {
  private ResolvedModel() {}

  public static String of(FileModel file) {
    StringBuilder out = new StringBuilder();
    out.append(file.uri()).append('\n').append(file.text()).append('\n');
    for (int line = 0; line < file.lines().lineCount(); line++) {
      out.append(file.lines().lineStart(line)).append(' ');
    }
    out.append(file.lines().length()).append('\n');
    for (List<?> part : List.of(file.imports(), file.declarations(), file.problems(), file.suppressions())) {
      render(file.placement()::span, part, out);
      out.append('\n');
    }
    return out.toString();
  }

  /** Any value as text, an element's place as {@code at} puts it (a finding's data, through its program). */
  public static String of(Object value, Function<Extent, Span> at) {
    StringBuilder out = new StringBuilder();
    render(at, value, out);
    return out.toString();
  }

  private static void render(Function<Extent, Span> placement, Object value, StringBuilder out) {
    if (value instanceof Extent extent) {
      Span span = placement.apply(extent);
      out.append('[').append(span.source()).append(' ').append(span.start()).append(',').append(span.end()).append(']');
    } else if (value instanceof Properties properties) { // two maps, as a record of them would render
      out.append("Properties(");
      render(placement, properties.single(), out);
      render(placement, properties.repeated(), out);
      out.append(')');
    } else if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        out.append(c.getName()).append('=');
        try {
          java.lang.reflect.Method accessor = c.getAccessor();
          accessor.setAccessible(true); // the data of a finding is often a rule's private record
          render(placement, accessor.invoke(record), out);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        out.append(' ');
      }
      out.append(')');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      map.forEach((k, v) -> {
        render(placement, k, out);
        out.append('=');
        render(placement, v, out);
        out.append(' ');
      });
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      list.forEach(item -> {
        render(placement, item, out);
        out.append(' ');
      });
      out.append(']');
    } else if (value instanceof Optional<?> optional) {
      out.append("Optional(");
      optional.ifPresent(v -> render(placement, v, out));
      out.append(')');
    } else {
      out.append(value);
    }
  }
}
