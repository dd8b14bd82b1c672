package dev.topo.lsp;

import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolTag;

/**
 * The JSON LSP4J's Gson writes of an outline symbol and of a code lens, written field by field
 * into a string instead of through Gson's reflection: the fields in their declared order, nulls
 * left out, enums as their numbers, strings escaped as that Gson escapes them (HTML's characters
 * too). Rendering a 7,000-line design's outline and lenses when it opened made Gson's reflective
 * adapters hot enough that the JIT's second compiler spent a second of the first seconds of
 * typing on them, and through Gson's streaming writer its methods for names, strings and
 * numbers were still half a second of that compiler's time; {@code ProtocolJsonTest} holds
 * these to the reflective output.
 */
final class ProtocolJson {
  private final StringBuilder text = new StringBuilder(256);
  /** Whether nothing has been written yet in the object or array last opened. */
  private boolean first = true;

  private ProtocolJson() {}

  static String of(DocumentSymbol symbol) {
    ProtocolJson out = new ProtocolJson();
    out.write(symbol);
    return out.text.toString();
  }

  static String of(CodeLens lens) {
    ProtocolJson out = new ProtocolJson();
    out.write(lens);
    return out.text.toString();
  }

  private void write(DocumentSymbol symbol) {
    open('{');
    optional("name", symbol.getName());
    if (symbol.getKind() != null) {
      name("kind").append(symbol.getKind().getValue());
    }
    range("range", symbol.getRange());
    range("selectionRange", symbol.getSelectionRange());
    optional("detail", symbol.getDetail());
    if (symbol.getTags() != null) {
      name("tags");
      open('[');
      for (SymbolTag tag : symbol.getTags()) {
        element().append(tag.getValue());
      }
      close(']');
    }
    if (symbol.getDeprecated() != null) {
      name("deprecated").append(symbol.getDeprecated().booleanValue());
    }
    List<DocumentSymbol> children = symbol.getChildren();
    if (children != null) {
      name("children");
      open('[');
      for (DocumentSymbol child : children) {
        element();
        write(child);
      }
      close(']');
    }
    close('}');
  }

  /** A lens whose command takes arguments, or that carries data (objects of any type), is left to Gson's reflection. */
  private void write(CodeLens lens) {
    Command command = lens.getCommand();
    if (lens.getData() != null || command != null && command.getArguments() != null) {
      text.append(GsonHooks.Plain.GSON.toJson(lens, CodeLens.class));
      return;
    }
    open('{');
    range("range", lens.getRange());
    if (command != null) {
      name("command");
      open('{');
      optional("title", command.getTitle());
      optional("tooltip", command.getTooltip());
      optional("command", command.getCommand());
      close('}');
    }
    close('}');
  }

  private void optional(String name, String value) {
    if (value != null) {
      name(name);
      string(value);
    }
  }

  private void range(String name, Range range) {
    if (range != null) {
      name(name);
      open('{');
      position("start", range.getStart());
      position("end", range.getEnd());
      close('}');
    }
  }

  private void position(String name, Position position) {
    if (position != null) {
      name(name);
      open('{');
      name("line").append(position.getLine());
      name("character").append(position.getCharacter());
      close('}');
    }
  }

  private void open(char bracket) {
    text.append(bracket);
    first = true;
  }

  private void close(char bracket) {
    text.append(bracket);
    first = false;
  }

  /** A member's name, one of this class's own (nothing in them to escape); its value follows. */
  private StringBuilder name(String name) {
    return element().append('"').append(name).append("\":");
  }

  /** The separator before a member or an element, unless it is the first. */
  private StringBuilder element() {
    if (!first) {
      text.append(',');
    }
    first = false;
    return text;
  }

  /** A string as Gson's writer escapes it by default: quotes, backslashes, control characters, HTML's characters and the two line separators JavaScript does not allow in a string. */
  private void string(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\f' -> text.append("\\f");
        case '<', '>', '&', '=', '\'', '\u2028', '\u2029' -> unicode(c);
        default -> {
          if (c < 0x20) {
            unicode(c);
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }

  private void unicode(char c) {
    text.append("\\u");
    String hex = Integer.toHexString(c);
    text.append("0000", hex.length(), 4).append(hex);
  }
}
