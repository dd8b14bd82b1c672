package dev.topo.model;

/** {@code import "PATH"}; the path is relative to the importing file. */
public record Import(Span span, String path, Span pathSpan) implements Located {}
