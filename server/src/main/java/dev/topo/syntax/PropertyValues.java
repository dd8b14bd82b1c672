package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import dev.topo.model.Extent;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.InvalidValueException;
import dev.topo.model.Name;
import dev.topo.model.Span;
import dev.topo.model.StatementValues;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/** A property statement's values as its keyword's reader sees them. */
final class PropertyValues implements StatementValues {
  private final ModelBuilder builder;
  private final PropertyShape shape;
  private final Span statement;
  private final Span valueSpan;

  PropertyValues(ModelBuilder builder, PropertyShape shape, Span statement, Span valueSpan) {
    this.builder = builder;
    this.shape = shape;
    this.statement = statement;
    this.valueSpan = valueSpan;
  }

  @Override
  public Extent statement() {
    return builder.local(statement);
  }

  @Override
  public boolean complete() {
    return shape.complete();
  }

  /** Whether the values mean something despite a syntax problem (see {@link PropertyShape#readable()}). */
  boolean readable() {
    return shape.readable();
  }

  private List<Token> slot(int index) {
    return index < shape.slots().size() ? shape.slots().get(index) : List.of();
  }

  @Override
  public Name word(int slot) {
    List<Token> tokens = slot(slot);
    if (tokens.isEmpty()) {
      return new Name("", builder.local(new Span(valueSpan.source(), valueSpan.start(), valueSpan.start())));
    }
    Token token = tokens.get(0);
    // A key slot takes a quoted key too; the name is what the quotes hold.
    String text = token.getType() == TopologyLexer.STRING ? Strings.unquote(token.getText()).value() : token.getText();
    return new Name(text, builder.local(builder.span(token)));
  }

  @Override
  public List<Name> words(int slot) {
    return slot(slot).stream().map(builder::name).toList();
  }

  @Override
  public Optional<Name> rawString(int slot) {
    List<Token> tokens = slot(slot);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Token token = tokens.get(0);
    return Optional.of(new Name(Strings.unquote(token.getText()).value(), builder.local(builder.span(token))));
  }

  @Override
  public Optional<Name> string(int slot) throws InvalidValueException {
    List<Token> tokens = slot(slot);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Strings s = Strings.unquote(tokens.get(0).getText());
    if (s.problem() != null) {
      throw new InvalidValueException(s.problem());
    }
    return Optional.of(new Name(s.value(), builder.local(builder.span(tokens.get(0)))));
  }

  @Override
  public String number(int slot) {
    List<Token> tokens = slot(slot);
    return tokens.isEmpty() ? "" : tokens.get(0).getText();
  }

  @Override
  public void invalid(Extent at, Message message) {
    builder.problem(new Problem(ProblemCode.INVALID_VALUE, builder.at(at), message));
  }
}
