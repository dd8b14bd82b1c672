package dev.topo.model;

import java.util.Optional;

/** {@code requires NAME "RANGE"}: a module needs a version of a library within the range. */
public record Requirement(Extent span, Name library, String rangeText, Extent rangeSpan, Optional<VersionRange> range)
    implements Located {}
