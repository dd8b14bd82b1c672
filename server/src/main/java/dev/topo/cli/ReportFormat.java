package dev.topo.cli;

import java.util.Locale;

/** The output formats of {@code topo check}. */
enum ReportFormat {
  TEXT(new TextFormat()),
  JSON(new JsonFormat()),
  SARIF(new SarifFormat()),
  GITHUB(new GithubFormat());

  /** Renders a report as the text to print. */
  interface Renderer {
    String render(Report report);
  }

  private final Renderer renderer;

  ReportFormat(Renderer renderer) {
    this.renderer = renderer;
  }

  String render(Report report) {
    return renderer.render(report);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
