package dev.topo.cli;

import java.util.Locale;

/** The output formats of {@code topo check}. */
enum ReportFormat {
  TEXT(new TextFormat()),
  JSON(new JsonFormat()),
  SARIF(new SarifFormat()),
  GITHUB(new GithubFormat());

  /** How to render: the language of explanations, and whether text output adds them. */
  record Options(String language, boolean explain) {
    static final Options DEFAULT = new Options("en", false);
  }

  /** Renders a report as the text to print. */
  interface Renderer {
    String render(Report report, Options options);
  }

  private final Renderer renderer;

  ReportFormat(Renderer renderer) {
    this.renderer = renderer;
  }

  String render(Report report, Options options) {
    return renderer.render(report, options);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
