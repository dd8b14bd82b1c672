package dev.topo.model;

import java.util.Optional;

/** {@code library NAME "VERSION"}: a library that an OS or an image provides. */
public record Library(Extent span, Name name, String versionText, Extent versionSpan, Optional<Version> version)
    implements Located {}
