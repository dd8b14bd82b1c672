package dev.topo.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The same design written as YAML, for Red Hat's YAML server to answer on: each block becomes a
 * list item under its kind's plural ({@code hosts:}, {@code containers:}), each property a key,
 * and repeated properties ({@code library}, {@code requires}) lists. It reads only what
 * {@code TopologyGenerator} writes (one statement per line), which is all the benchmark needs.
 */
final class YamlDesign {
  /** Statements that may repeat in a block, so that YAML holds them as a list. */
  private static final Set<String> REPEATED = Set.of("library", "requires");
  /** Statements of a name and a version (or release, or range), which YAML holds as two keys. */
  private static final Set<String> PAIRS = Set.of("os", "runtime", "hypervisor");

  private YamlDesign() {}

  /** The YAML form of a generated design, validated against {@code schema} (a path relative to the file). */
  static String of(String topology, String schema) {
    StringBuilder out = new StringBuilder("# yaml-language-server: $schema=").append(schema).append('\n');
    // Per open block: the list key last written in it, so that consecutive items share one header.
    Deque<String[]> open = new ArrayDeque<>();
    open.push(new String[] {null});
    for (String raw : topology.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      String indent = "  ".repeat(2 * (open.size() - 1));
      if (line.equals("}")) {
        open.pop();
        continue;
      }
      String keyword = line.substring(0, line.indexOf(' '));
      String rest = line.substring(keyword.length() + 1);
      String[] last = open.peek();
      if (line.endsWith("{")) {
        String list = plural(keyword);
        if (!list.equals(last[0])) {
          out.append(indent).append(list).append(":\n");
          last[0] = list;
        }
        out.append(indent).append("  - name: ").append(rest.substring(0, rest.length() - 1).strip()).append('\n');
        open.push(new String[] {null});
      } else if (REPEATED.contains(keyword)) {
        String list = plural(keyword);
        if (!list.equals(last[0])) {
          out.append(indent).append(list).append(":\n");
          last[0] = list;
        }
        pair(out, indent + "  - ", indent + "    ", keyword, rest);
      } else if (PAIRS.contains(keyword)) {
        out.append(indent).append(keyword).append(":\n");
        pair(out, indent + "  ", indent + "  ", keyword, rest);
        last[0] = null;
      } else {
        String value = keyword.equals("nodes") ? "[" + rest + "]" : scalar(rest);
        out.append(indent).append(keyword).append(": ").append(value).append('\n');
        last[0] = null;
      }
    }
    return out.toString();
  }

  /** {@code openssl "3.0.2"} as {@code name: openssl} and {@code version: 3.0.2} (the second key's name by statement). */
  private static void pair(StringBuilder out, String first, String next, String keyword, String rest) {
    int space = rest.indexOf(' ');
    String name = space < 0 ? rest : rest.substring(0, space);
    String second = switch (keyword) {
      case "os" -> "release";
      case "requires" -> "range";
      default -> "version";
    };
    out.append(first).append(keyword.equals("os") ? "family" : keyword.equals("requires") ? "library" : "name")
        .append(": ").append(name).append('\n');
    if (space >= 0) {
      out.append(next).append(second).append(": ").append(scalar(rest.substring(space + 1))).append('\n');
    }
  }

  private static String plural(String keyword) {
    return keyword.equals("library") ? "libraries" : keyword + "s";
  }

  /** A value as YAML reads it back: quoted when it holds quotes or starts with what YAML would take for syntax. */
  private static String scalar(String value) {
    if (value.matches("[A-Za-z0-9.-]+")) {
      return value;
    }
    String text = value.matches("\"[^\"]*\"") ? value.substring(1, value.length() - 1) : value;
    return "'" + text.replace("'", "''") + "'";
  }

  /** A JSON schema for that form, strict enough that the YAML server validates every key and value. */
  static String schema() {
    return """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "hosts": {"type": "array", "items": {"$ref": "#/definitions/host"}},
            "clusters": {"type": "array", "items": {"$ref": "#/definitions/cluster"}}
          },
          "definitions": {
            "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
            "os": {"type": "object", "additionalProperties": false, "required": ["family"],
              "properties": {"family": {"enum": ["linux", "windows", "macos", "freebsd"]}, "release": {"type": "string"}}},
            "versioned": {"type": "object", "additionalProperties": false, "required": ["name"],
              "properties": {"name": {"type": "string", "pattern": "^[a-z0-9-]+$"}, "version": {"type": "string"}}},
            "quantity": {"type": ["string", "integer"], "pattern": "^[0-9]+(Mi|Gi|MiB|GiB)?$"},
            "libraries": {"type": "array", "items": {"$ref": "#/definitions/versioned"}},
            "host": {"type": "object", "additionalProperties": false, "required": ["name", "os"],
              "properties": {
                "name": {"$ref": "#/definitions/name"}, "os": {"$ref": "#/definitions/os"},
                "cpu": {"type": "integer", "minimum": 1}, "memory": {"$ref": "#/definitions/quantity"},
                "hypervisor": {"$ref": "#/definitions/versioned"}, "runtime": {"$ref": "#/definitions/versioned"},
                "libraries": {"$ref": "#/definitions/libraries"},
                "vms": {"type": "array", "items": {"$ref": "#/definitions/vm"}},
                "containers": {"type": "array", "items": {"$ref": "#/definitions/container"}}}},
            "vm": {"type": "object", "additionalProperties": false, "required": ["name", "os"],
              "properties": {
                "name": {"$ref": "#/definitions/name"}, "os": {"$ref": "#/definitions/os"},
                "cpu": {"type": "integer", "minimum": 1}, "memory": {"$ref": "#/definitions/quantity"},
                "runtime": {"$ref": "#/definitions/versioned"}, "libraries": {"$ref": "#/definitions/libraries"},
                "containers": {"type": "array", "items": {"$ref": "#/definitions/container"}}}},
            "container": {"type": "object", "additionalProperties": false, "required": ["name", "image"],
              "properties": {
                "name": {"$ref": "#/definitions/name"}, "os": {"$ref": "#/definitions/os"},
                "image": {"type": "string"}, "cpu": {"type": "integer", "minimum": 1},
                "memory": {"$ref": "#/definitions/quantity"}, "privileged": {"type": "boolean"},
                "libraries": {"$ref": "#/definitions/libraries"},
                "modules": {"type": "array", "items": {"$ref": "#/definitions/module"}}}},
            "module": {"type": "object", "additionalProperties": false, "required": ["name"],
              "properties": {
                "name": {"type": "string"},
                "language": {"enum": ["java", "go", "python", "typescript", "rust", "csharp"]},
                "requires": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                  "required": ["library"], "properties": {"library": {"type": "string"}, "range": {"type": "string"}}}},
                "load": {"enum": ["low", "medium", "high"]}}},
            "cluster": {"type": "object", "additionalProperties": false, "required": ["name", "nodes"],
              "properties": {
                "name": {"$ref": "#/definitions/name"},
                "nodes": {"type": "array", "items": {"$ref": "#/definitions/name"}},
                "pods": {"type": "array", "items": {"$ref": "#/definitions/pod"}}}},
            "pod": {"type": "object", "additionalProperties": false, "required": ["name"],
              "properties": {
                "name": {"$ref": "#/definitions/name"}, "replicas": {"type": "integer", "minimum": 1},
                "containers": {"type": "array", "items": {"$ref": "#/definitions/container"}}}}
          }
        }
        """;
  }
}
