package dev.topo.ide;

import dev.topo.model.LineMap;
import dev.topo.model.Span;

/**
 * A place in any file of the workspace, with the lines of the text it was found in, so that a
 * face can turn it into lines and columns without reading the file again.
 */
public record Place(Span span, LineMap lines) {}
