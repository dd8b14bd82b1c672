package dev.topo.model;

import java.util.Optional;

/** {@code requires NAME "RANGE"}: a module needs a version of a library within the range. */
public record Requirement(Span span, Name library, String rangeText, Span rangeSpan, Optional<VersionRange> range)
    implements Located {}
