package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.PropertyContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.Entity;
import dev.topo.model.EntityDraft;
import dev.topo.model.EntityKind;
import dev.topo.model.Extent;
import dev.topo.model.Message;
import dev.topo.model.Keyword;
import dev.topo.model.Name;
import dev.topo.model.Span;

/**
 * What one block says, gathered statement by statement from the parse tree into an
 * {@link EntityDraft}, which applies the vocabulary's rules ({@link Keyword}).
 */
final class BlockContents {
  private final ModelBuilder builder;
  private final EntityKind kind;
  private final EntityDraft draft;

  BlockContents(ModelBuilder builder, EntityKind kind, Message owner) {
    this.builder = builder;
    this.kind = kind;
    this.draft = new EntityDraft(kind, owner, builder::problem, builder::at);
  }

  Message owner() {
    return draft.owner();
  }

  void addChild(Entity child) {
    draft.addChild(child);
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
    String word = statement.getStart().getText();
    if (!draft.accepts(word, span)) {
      return;
    }
    PropertyContext property = statement.property();
    Span valueSpan = builder.valueSpan(property);
    PropertyValues values = new PropertyValues(builder, builder.shape(property), span, valueSpan);
    draft.add(Keyword.of(word).orElseThrow(), builder.local(span), builder.local(valueSpan), values, values.readable());
  }

  Entity toEntity(Name name, Extent span) {
    return draft.toEntity(name, span);
  }
}
