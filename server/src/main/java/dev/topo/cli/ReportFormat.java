package dev.topo.cli;

import dev.topo.model.Message;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The output formats of {@code topo check}. */
enum ReportFormat {
  TEXT(new TextFormat()),
  JSON(new JsonFormat()),
  SARIF(new SarifFormat()),
  GITHUB(new GithubFormat()),
  JUNIT(new JunitFormat()),
  CHECKSTYLE(new CheckstyleFormat()),
  GITLAB(new GitlabFormat());

  /**
   * How to render: the language of explanations, whether text output adds them, whether
   * it is coloured (only text is; the machine formats never are), and where the docs are
   * published, for links to rule pages (none when empty).
   */
  record Options(String language, boolean explain, boolean color, Optional<String> docs) {
    static final Options DEFAULT = new Options("en", false, false, Optional.empty());

    Options(String language, boolean explain, boolean color) {
      this(language, explain, color, Optional.empty());
    }
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

  static ReportFormat named(String name) {
    return Arrays.stream(values()).filter(f -> f.toString().equals(name)).findFirst()
        .orElseThrow(() -> new Main.UserError(formats(name)));
  }

  /** The error for a format there is not, listing those there are. */
  private static Message formats(String name) {
    List<String> names = Arrays.stream(values()).map(ReportFormat::toString).toList();
    return Message.of("error.format", String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1),
        "'" + name + "'");
  }

  /** The names, as help and messages list them: "text, json, ... or gitlab". */
  static String names() {
    List<String> names = Arrays.stream(values()).map(ReportFormat::toString).toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
