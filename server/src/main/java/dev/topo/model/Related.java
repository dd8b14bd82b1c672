package dev.topo.model;

/** Another place a finding concerns: the host whose kernel a container does not match, say. */
public record Related(Span span, String message) {}
