package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.CpuStmtContext;
import dev.topo.grammar.TopologyParser.HypervisorStmtContext;
import dev.topo.grammar.TopologyParser.LibraryStmtContext;
import dev.topo.grammar.TopologyParser.MemoryStmtContext;
import dev.topo.grammar.TopologyParser.OsStmtContext;
import dev.topo.grammar.TopologyParser.ReplicasStmtContext;
import dev.topo.grammar.TopologyParser.RequiresStmtContext;
import dev.topo.grammar.TopologyParser.RuntimeStmtContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Image;
import dev.topo.model.InvalidValueException;
import dev.topo.model.Library;
import dev.topo.model.Load;
import dev.topo.model.Name;
import dev.topo.model.Namespace;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.model.Quantity;
import dev.topo.model.Related;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import dev.topo.model.Tool;
import dev.topo.model.Version;
import dev.topo.model.VersionRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** What one block says, gathered statement by statement. */
final class BlockContents {
  private final ModelBuilder builder;
  private final EntityKind kind;
  private final String owner;
  private final Map<String, Property<?>> single = new HashMap<>();
  private final List<Library> libraries = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private final List<Entity> children = new ArrayList<>();

  BlockContents(ModelBuilder builder, EntityKind kind, String owner) {
    this.builder = builder;
    this.kind = kind;
    this.owner = owner;
  }

  String owner() {
    return owner;
  }

  void addChild(Entity child) {
    children.add(child);
  }

  void add(StatementContext statement) {
    Span span = builder.record(statement);
    if (span == null) {
      return;
    }
    if (statement.block() != null) {
      builder.block(statement.block(), kind, this);
      return;
    }
    Token keywordToken = statement.getStart();
    String keyword = keywordToken.getText();
    if (!Placement.isAllowed(keyword, kind)) {
      builder.problem(ProblemCode.MISPLACED_PROPERTY, span,
          "'" + keyword + "' is not allowed in " + owner + ": it belongs " + Placement.whereAllowed(keyword));
      return;
    }
    Property<?> first = single.get(keyword);
    if (first != null) {
      builder.problem(new Problem(ProblemCode.MISPLACED_PROPERTY, span,
          "'" + keyword + "' is given twice in " + owner + "; only the first counts",
          List.of(new Related(first.span(), "first given here"))));
      return;
    }
    ParserRuleContext body = (ParserRuleContext) statement.getChild(0);
    Span valueSpan = builder.valueSpan(body);
    if (statement.libraryStmt() != null) {
      libraries.add(library(statement.libraryStmt(), span));
    } else if (statement.requiresStmt() != null) {
      requirements.add(requirement(statement.requiresStmt(), span));
    } else {
      single.put(keyword, new Property<>(span, valueSpan, value(statement, keywordToken, valueSpan, body)));
    }
  }

  /** The meaning of a single-valued property, or null when it has none (after saying why). */
  private Object value(StatementContext s, Token keyword, Span valueSpan, ParserRuleContext body) {
    if (body.exception != null || hasMissingTokens(body) || body.getChildCount() < 2) {
      return null; // a syntax error was reported already: a keyword without its value
    }
    try {
      if (s.osStmt() != null) {
        return os(s.osStmt(), keyword);
      } else if (s.cpuStmt() != null) {
        return cpu(s.cpuStmt());
      } else if (s.memoryStmt() != null) {
        return memory(s.memoryStmt());
      } else if (s.hypervisorStmt() != null) {
        HypervisorStmtContext h = s.hypervisorStmt();
        return tool(h.name(), h.STRING(), keyword);
      } else if (s.runtimeStmt() != null) {
        RuntimeStmtContext r = s.runtimeStmt();
        return tool(r.name(), r.STRING(), keyword);
      } else if (s.imageStmt() != null) {
        return image(s.imageStmt().STRING());
      } else if (s.privilegedStmt() != null) {
        return privileged(builder.name(s.privilegedStmt().name(), keyword));
      } else if (s.shareStmt() != null) {
        return namespaces(builder.names(s.shareStmt().name(), keyword));
      } else if (s.nodesStmt() != null) {
        return builder.refs(s.nodesStmt().nodeRef(), keyword);
      } else if (s.replicasStmt() != null) {
        return replicas(s.replicasStmt());
      } else if (s.languageStmt() != null) {
        Name language = builder.name(s.languageStmt().name(), keyword);
        return language.text().isEmpty() ? null : language.text();
      } else if (s.loadStmt() != null) {
        return load(builder.name(s.loadStmt().name(), keyword));
      }
    } catch (InvalidValueException e) {
      builder.problem(ProblemCode.INVALID_VALUE, valueSpan, e.getMessage());
    }
    return null;
  }

  /** Whether error recovery conjured up a token that is not in the text. */
  private static boolean hasMissingTokens(ParserRuleContext body) {
    for (int i = 0; i < body.getChildCount(); i++) {
      if (body.getChild(i) instanceof TerminalNode t && !ModelBuilder.present(t.getSymbol())) {
        return true;
      }
    }
    return false;
  }

  private OsSpec os(OsStmtContext os, Token keyword) throws InvalidValueException {
    Name family = builder.name(os.name(), keyword);
    Optional<OsFamily> known = OsFamily.fromWord(family.text());
    if (known.isEmpty()) {
      builder.problem(ProblemCode.INVALID_VALUE, family.span(), "unknown OS family '" + family.text()
          + "': use " + String.join(", ", OsFamily.words()));
    }
    return new OsSpec(family.text(), known, string(os.STRING()));
  }

  private Double cpu(CpuStmtContext cpu) throws InvalidValueException {
    double cores = Double.parseDouble(cpu.NUMBER().getText());
    if (cores <= 0) {
      throw new InvalidValueException("cpu must be more than zero cores, not " + cpu.NUMBER().getText());
    }
    return cores;
  }

  private Quantity memory(MemoryStmtContext memory) throws InvalidValueException {
    TerminalNode value = memory.QUANTITY() != null ? memory.QUANTITY() : memory.NUMBER();
    if (value == null) {
      // `memory` before the next statement: recovery invents the amount and reports it
      // missing, but the choice (QUANTITY | NUMBER) leaves no token in the tree to detect.
      return null;
    }
    return Quantity.parse(value.getText());
  }

  private Tool tool(dev.topo.grammar.TopologyParser.NameContext name, TerminalNode version, Token keyword)
      throws InvalidValueException {
    return new Tool(builder.name(name, keyword).text(), string(version));
  }

  private Image image(TerminalNode reference) throws InvalidValueException {
    String text = string(reference).orElse("");
    if (text.isBlank()) {
      throw new InvalidValueException("the image reference is empty: write registry/name:tag");
    }
    return Image.parse(text);
  }

  private static Boolean privileged(Name value) throws InvalidValueException {
    return switch (value.text()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidValueException("privileged is true or false, not '" + value.text() + "'");
    };
  }

  private List<Name> namespaces(List<Name> names) {
    List<Name> known = new ArrayList<>();
    for (Name name : names) {
      if (Namespace.fromWord(name.text()).isPresent()) {
        known.add(name);
      } else {
        builder.problem(ProblemCode.INVALID_VALUE, name.span(), "unknown namespace '" + name.text()
            + "': use " + String.join(", ", Namespace.words()));
      }
    }
    return known;
  }

  private static Integer replicas(ReplicasStmtContext replicas) throws InvalidValueException {
    String text = replicas.NUMBER().getText();
    if (!text.matches("-?\\d{1,9}")) {
      throw new InvalidValueException("replicas is a whole number, not " + text);
    }
    int count = Integer.parseInt(text);
    if (count < 1) {
      throw new InvalidValueException("replicas must be at least 1, not " + text);
    }
    return count;
  }

  private static Load load(Name value) throws InvalidValueException {
    return Load.fromWord(value.text()).orElseThrow(() -> new InvalidValueException(
        "load is " + String.join(", ", Load.words()) + ", not '" + value.text() + "'"));
  }

  private Library library(LibraryStmtContext library, Span span) {
    Name name = builder.name(library.name(), library.LIBRARY().getSymbol());
    Quoted<Version> version = quoted(library.STRING(), name.span(), library.exception == null, Version::parse);
    return new Library(span, name, version.text(), version.span(), version.value());
  }

  private Requirement requirement(RequiresStmtContext requires, Span span) {
    Name name = builder.name(requires.name(), requires.REQUIRES().getSymbol());
    Quoted<VersionRange> range = quoted(requires.STRING(), name.span(), requires.exception == null, VersionRange::parse);
    return new Requirement(span, name, range.text(), range.span(), range.value());
  }

  /** A quoted value: its text, its span, and its meaning (empty when missing or invalid, after saying why). */
  private record Quoted<T>(String text, Span span, Optional<T> value) {}

  private interface ValueParser<T> {
    T parse(String text) throws InvalidValueException;
  }

  private <T> Quoted<T> quoted(TerminalNode node, Span fallback, boolean parsed, ValueParser<T> parser) {
    if (node == null || !ModelBuilder.present(node.getSymbol())) {
      return new Quoted<>("", fallback, Optional.empty());
    }
    Span span = builder.span(node.getSymbol());
    String text = Strings.unquote(node.getText()).value();
    try {
      string(node); // reports a bad escape
      return new Quoted<>(text, span, parsed ? Optional.of(parser.parse(text)) : Optional.empty());
    } catch (InvalidValueException e) {
      builder.problem(ProblemCode.INVALID_VALUE, span, e.getMessage());
      return new Quoted<>(text, span, Optional.empty());
    }
  }

  private Optional<String> string(TerminalNode node) throws InvalidValueException {
    if (node == null || !ModelBuilder.present(node.getSymbol())) {
      return Optional.empty();
    }
    Strings s = Strings.unquote(node.getText());
    if (s.problem() != null) {
      throw new InvalidValueException(s.problem());
    }
    return Optional.of(s.value());
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<Property<T>> get(String keyword) {
    return Optional.ofNullable((Property<T>) single.get(keyword));
  }

  Entity toEntity(Name name, Span span) {
    Properties properties = single.isEmpty() ? Properties.NONE : new Properties(
        get("os"), get("cpu"), get("memory"), get("hypervisor"), get("runtime"), get("image"),
        get("privileged"), get("share"), get("nodes"), get("replicas"), get("language"), get("load"));
    return new Entity(kind, name, span, properties, List.copyOf(libraries), List.copyOf(requirements),
        List.copyOf(children));
  }
}
