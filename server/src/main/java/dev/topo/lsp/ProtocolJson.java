package dev.topo.lsp;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolTag;

/**
 * The JSON LSP4J's Gson writes of an outline symbol and of a code lens, written field by field
 * through Gson's streaming writer (configured as that Gson configures its own) instead of its
 * reflection: the fields in their declared order, nulls left out, enums as their numbers.
 * Rendering a 7,000-line design's outline and lenses when it opened made Gson's reflective
 * adapters hot enough that the JIT's second compiler spent a second of the first seconds of
 * typing on them; {@code ProtocolJsonTest} holds these to the reflective output.
 */
final class ProtocolJson {
  private ProtocolJson() {}

  static String of(DocumentSymbol symbol) {
    return written(out -> write(out, symbol));
  }

  static String of(CodeLens lens) {
    return written(out -> write(out, lens));
  }

  private interface Body {
    void writeTo(JsonWriter out) throws IOException;
  }

  private static String written(Body body) {
    StringWriter text = new StringWriter();
    try {
      body.writeTo(GsonHooks.Plain.GSON.newJsonWriter(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void write(JsonWriter out, DocumentSymbol symbol) throws IOException {
    out.beginObject();
    optional(out, "name", symbol.getName());
    if (symbol.getKind() != null) {
      out.name("kind").value(symbol.getKind().getValue());
    }
    range(out, "range", symbol.getRange());
    range(out, "selectionRange", symbol.getSelectionRange());
    optional(out, "detail", symbol.getDetail());
    if (symbol.getTags() != null) {
      out.name("tags").beginArray();
      for (SymbolTag tag : symbol.getTags()) {
        out.value(tag.getValue());
      }
      out.endArray();
    }
    if (symbol.getDeprecated() != null) {
      out.name("deprecated").value(symbol.getDeprecated());
    }
    List<DocumentSymbol> children = symbol.getChildren();
    if (children != null) {
      out.name("children").beginArray();
      for (DocumentSymbol child : children) {
        write(out, child);
      }
      out.endArray();
    }
    out.endObject();
  }

  /** A lens whose command takes arguments, or that carries data (objects of any type), is left to Gson's reflection. */
  private static void write(JsonWriter out, CodeLens lens) throws IOException {
    Command command = lens.getCommand();
    if (lens.getData() != null || command != null && command.getArguments() != null) {
      out.jsonValue(GsonHooks.Plain.GSON.toJson(lens, CodeLens.class));
      return;
    }
    out.beginObject();
    range(out, "range", lens.getRange());
    if (command != null) {
      out.name("command").beginObject();
      optional(out, "title", command.getTitle());
      optional(out, "tooltip", command.getTooltip());
      optional(out, "command", command.getCommand());
      out.endObject();
    }
    out.endObject();
  }

  private static void optional(JsonWriter out, String name, String value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  private static void range(JsonWriter out, String name, Range range) throws IOException {
    if (range != null) {
      out.name(name).beginObject();
      position(out, "start", range.getStart());
      position(out, "end", range.getEnd());
      out.endObject();
    }
  }

  private static void position(JsonWriter out, String name, Position position) throws IOException {
    if (position != null) {
      out.name(name).beginObject().name("line").value(position.getLine()).name("character").value(position.getCharacter())
          .endObject();
    }
  }
}
