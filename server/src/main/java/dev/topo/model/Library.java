package dev.topo.model;

import java.util.Optional;

/** {@code library NAME "VERSION"}: a library that an OS or an image provides. */
public record Library(Span span, Name name, String versionText, Span versionSpan, Optional<Version> version)
    implements Located {}
