package dev.topo.check;

import dev.topo.model.Entity;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.model.Span;

/**
 * Where the elements of a top-level block stand after an edit moved the block unchanged: for
 * a finding kept from an earlier check ({@link BlockFindings}), whose data names elements of
 * the block as it was. Entities, properties and names come back as the new model's own.
 */
public interface Moves {
  Span span(Span before);

  Entity entity(Entity before);

  <T> Property<T> property(Property<T> before);

  Name name(Name before);
}
