package dev.topo.cli;

import dev.topo.check.Rule;
import dev.topo.check.rules.Rules;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code topo explain}: the knowledge base in the terminal. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explains a rule or a concept of the language.", "Exit status 2 when there is no such entry."})
final class ExplainCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "RULE-ID|CONCEPT", description = "A rule id (container-os-mismatch) or a keyword (pod).")
  String id;

  @Option(names = "--list", description = "List every rule and concept.")
  boolean list;

  @Option(names = "--lang", paramLabel = "LANG", description = "en or ko (default: from LC_ALL, LC_MESSAGES or LANG, else en).")
  String lang;

  @Option(names = "--markdown", description = "Print the entry's Markdown as written, rather than rendered for the terminal.")
  boolean markdown;

  @Mixin
  ColorOption color;

  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  /** Paragraphs are wrapped to the terminal's width when it says it ($COLUMNS), up to this, which reads best. */
  static final int MAX_WIDTH = 100;
  static final int DEFAULT_WIDTH = 80;

  /**
   * The language asked for: --lang, checked (the knowledge base has English and Korean); without it
   * the locale of the environment as POSIX orders it (LC_ALL, LC_MESSAGES, LANG), Korean for ko_KR.UTF-8
   * and English for anything else.
   */
  static String language(String lang, Terminal terminal) {
    if (lang == null) {
      return Stream.of("LC_ALL", "LC_MESSAGES", "LANG").map(terminal.environment()::get)
          .filter(v -> v != null && !v.isEmpty()).findFirst()
          .filter(v -> v.startsWith("ko")).map(v -> "ko").orElse(KnowledgeBase.FALLBACK);
    }
    if (!KnowledgeBase.LANGUAGES.contains(lang)) {
      throw new Main.UserError(Message.of("error.lang", "'" + lang + "'"));
    }
    return lang;
  }

  @Override
  public Integer call() {
    String language = language(lang, main.terminal());
    Style style = Style.of(color.choice().forStandardOutput(main.terminal()));
    PrintWriter out = spec.commandLine().getOut();
    KnowledgeBase kb = KnowledgeBase.get();
    if (list) {
      printList(kb, language, out);
      return Main.CLEAN;
    }
    if (id == null) {
      throw new Main.UserError(Message.of("error.explain.nothing"));
    }
    Entry entry = kb.entry(id, language).orElseThrow(() -> {
      List<String> close = kb.closeMatches(id);
      return new Main.UserError(close.isEmpty() ? Message.of("error.explain.unknown", "'" + id + "'")
          : Message.of("error.explain.close", "'" + id + "'", String.join(", ", close)));
    });
    out.print(markdown ? entry.markdown() + "\n" : new TerminalMarkdown(style, width(main.terminal())).render(entry.markdown()));
    Rules.byId(entry.id()).ifPresent(rule -> out.println("\n"
        + Message.of("explain.rule", rule.id(), rule.defaultSeverity().word()).text(language)));
    out.flush();
    return Main.CLEAN;
  }

  /** $COLUMNS when it is a number (shells set it for their terminal), else 80; at most 100. */
  static int width(Terminal terminal) {
    try {
      return Math.min(MAX_WIDTH, Integer.parseInt(terminal.environment().getOrDefault("COLUMNS", "").strip()));
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  private static void printList(KnowledgeBase kb, String language, PrintWriter out) {
    out.println(Message.of("explain.rules").text(language));
    for (Rule rule : Rules.all()) {
      out.printf("  %-22s %s%n", rule.id(), kb.rule(rule, language).map(Entry::summary).orElse(""));
    }
    out.println(Message.of("explain.concepts").text(language));
    for (String concept : KnowledgeBase.conceptIds()) {
      out.printf("  %-22s %s%n", concept, kb.entry(concept, language).map(Entry::summary).orElse(""));
    }
    out.flush();
  }
}
