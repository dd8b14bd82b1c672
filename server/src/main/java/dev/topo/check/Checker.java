package dev.topo.check;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Limits;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.ProblemCode;
import dev.topo.model.Related;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Runs the rules over a program and keeps the findings that belong to its root file, with
 * the configured severities and without those a {@code topo-ignore} comment silences.
 */
public final class Checker {
  /**
   * The rule that says a {@code topo-ignore} silences nothing: only the checker knows what the
   * other rules found, so it reports that rule's findings itself, after them.
   */
  public static final String UNUSED_SUPPRESSION = "unused-suppression";

  /** Which rule of its comment an unused-suppression finding is about, for the repair that removes it. */
  public record UnusedRuleId(String ruleId) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return this;
    }
  }

  private final List<Rule> rules;
  private final Config config;

  /** A checker of the given rules; {@code Rules.all()} are those of the language. */
  public Checker(List<? extends Rule> rules, Config config) {
    this.rules = List.copyOf(rules);
    this.config = config;
  }

  /** Whether the configuration leaves a file out of checks ({@code "exclude"}) unless it is asked for by name. */
  public boolean excludes(URI file) {
    return config.excludes(file);
  }

  /** The findings located in the program's root. */
  public List<Finding> check(Program program, Cancellation cancel) {
    return check(program, cancel, false);
  }

  /**
   * The findings located in the root, and with {@code companions} also those in the root's
   * companions (the manifests of its folder), each silenced by its own file's comments: a run
   * that checks every file of a folder checks the folder's cluster once.
   */
  public List<Finding> check(Program program, Cancellation cancel, boolean companions) {
    return run(program, cancel, companions).findings();
  }

  /**
   * What a check found, and which of the configuration's suppressions matched a finding of the
   * files it checked: a run over many programs unions them to tell the suppressions that
   * silenced nothing anywhere ({@link #unusedInConfiguration}).
   */
  public record Result(List<Finding> findings, Set<Config.Suppression> suppressionsUsed) {}

  /** As {@link #check(Program, Cancellation, boolean)}, with the configuration's suppressions used. */
  public Result run(Program program, Cancellation cancel, boolean companions) {
    return run(program, cancel, companions, null);
  }

  /**
   * As {@link #run(Program, Cancellation, boolean)}, with the block-scoped rules checking only
   * the blocks {@code blocks} has not seen and its findings kept for the others (none: all).
   */
  public Result run(Program program, Cancellation cancel, boolean companions, BlockFindings blocks) {
    BlockFindings.Round round = blocks == null || companions ? null : blocks.round(program, rules, config);
    List<FileModel> reported = new ArrayList<>(List.of(program.root()));
    if (companions && !program.companions().isEmpty()) {
      Set<URI> wanted = Set.copyOf(program.companions());
      program.files().stream().filter(f -> wanted.contains(f.uri())).forEach(reported::add);
    }
    Map<URI, List<Suppression>> checked = new HashMap<>();
    reported.forEach(f -> checked.put(f.uri(), inline(f.suppressions())));
    FindingsCap findings = new FindingsCap(Limits.MAX_FINDINGS_PER_FILE);
    // Each comment with the rule ids it has silenced something of.
    Map<Suppression, Set<String>> used = new HashMap<>();
    Set<Config.Suppression> usedInConfig = new HashSet<>();
    for (Rule rule : rules) {
      cancel.check();
      if (!config.runs(rule)) {
        continue;
      }
      Acceptor acceptor = (Located at, Message message, List<Related> related, Finding.Data data) -> {
        List<Suppression> suppressions = checked.get(at.span().source());
        if (suppressions == null) {
          return; // a file of the program that this check does not report
        }
        // Both kinds are matched even where an override turns the rule off: a suppression of a
        // finding that is off waits for it, as one of a rule that is off everywhere does.
        Span span = program.span(at);
        boolean silenced = silenced(suppressions, rule, span, used);
        boolean accepted = acceptedInConfig(program, rule, span, usedInConfig);
        Optional<Severity> severity = config.severity(rule, at.span().source());
        if (severity.isPresent() && !silenced && !accepted) {
          findings.add(new Finding(rule, severity.get(), message, span, List.copyOf(related), data));
        }
      };
      if (round != null && rule.scope() != Rule.Scope.PROGRAM) {
        round.check(rule, config.options(rule), acceptor);
      } else {
        rule.check(program, acceptor, config.options(rule));
      }
    }
    if (round != null) {
      round.keep();
    }
    List<Finding> unused = new ArrayList<>();
    unused(reported, checked, used, unused);
    unused.forEach(findings::add);
    List<Finding> shown = new ArrayList<>(findings.kept());
    findings.hidden().forEach((file, count) -> notShown(program, file, count).ifPresent(shown::add));
    shown.sort(Finding.ORDER);
    return new Result(List.copyOf(shown), Set.copyOf(usedInConfig));
  }

  /** The finding after a file's last, past the findings cap, that says how many more there were. */
  private Optional<Finding> notShown(Program program, URI file, int count) {
    String id = ProblemCode.ANALYSIS_LIMIT.id();
    Optional<Rule> limit = rules.stream().filter(r -> r.id().equals(id)).findFirst();
    int end = program.files().stream().filter(f -> f.uri().equals(file)).findFirst().map(f -> f.text().length()).orElse(0);
    return limit.filter(config::runs).flatMap(rule -> config.severity(rule, file).map(severity -> new Finding(rule, severity,
        Message.of("analysis-limit.findings", count, Limits.MAX_FINDINGS_PER_FILE), new Span(file, end, end), List.of())));
  }

  /**
   * A finding at each of the configuration's suppressions that none of a run's checks used
   * (the union of their {@link Result#suppressionsUsed()}), located at its entry in the
   * configuration file. Only a run that checked every file the configuration applies to can
   * say so; the editor, which sees some files, does not ask. A suppression of a rule that is
   * off waits for it, as a comment does.
   */
  public List<Finding> unusedInConfiguration(Set<Config.Suppression> usedInRun) {
    Optional<Rule> unused = unusedSuppressionRule();
    List<Finding> findings = new ArrayList<>();
    for (Config.Suppression s : config.suppressions()) {
      Optional<Severity> severity = unused.flatMap(r -> config.severity(r, s.span().source()));
      boolean on = rules.stream().anyMatch(r -> r.id().equals(s.rule()) && config.runs(r));
      if (severity.isPresent() && on && !usedInRun.contains(s)) {
        // Its scope is written as in the configuration ("files", "entity"), whatever the language.
        List<String> scope = new ArrayList<>();
        s.files().ifPresent(g -> scope.add("files " + g.pattern()));
        s.entity().ifPresent(e -> scope.add("entity " + e));
        Message message = scope.isEmpty() ? Message.of("unused-suppression.config", s.rule())
            : Message.of("unused-suppression.config.scoped", s.rule(), String.join(", ", scope));
        findings.add(new Finding(unused.get(), severity.get(), message, s.span(), List.of(), Finding.Data.NONE));
      }
    }
    return findings;
  }

  private Optional<Rule> unusedSuppressionRule() {
    return rules.stream().filter(r -> r.id().equals(UNUSED_SUPPRESSION)).findFirst();
  }

  /**
   * A finding at each comment for each rule it names that silenced nothing: a rule that is on
   * and found nothing in its statement. A comment for a rule that is off waits for it to be
   * turned on; one for a rule there is not is an invalid value already.
   */
  private void unused(List<FileModel> reported, Map<URI, List<Suppression>> checked, Map<Suppression, Set<String>> used,
      List<Finding> findings) {
    Optional<Rule> unused = unusedSuppressionRule();
    for (FileModel file : reported) {
      Optional<Severity> severity = unused.flatMap(r -> config.severity(r, file.uri()));
      if (severity.isEmpty()) {
        continue;
      }
      for (Suppression s : checked.getOrDefault(file.uri(), List.of())) {
        Optional<Entity> in = Locator.enclosing(file, s.target().start());
        for (String id : s.ruleIds().stream().sorted().toList()) {
          boolean on = rules.stream().anyMatch(r -> r.id().equals(id) && config.runs(r));
          if (on && !id.equals(UNUSED_SUPPRESSION) && !used.getOrDefault(s, Set.of()).contains(id)) {
            Message remove = s.ruleIds().size() == 1 ? Message.of("unused-suppression.remove")
                : Message.of("unused-suppression.remove.id", id);
            Message message = in.isPresent() ? Message.of("unused-suppression.in", in.get().described(), id, remove)
                : Message.of("unused-suppression.message", id, remove);
            findings.add(new Finding(unused.get(), severity.get(), message, s.comment(), List.of(), new UnusedRuleId(id)));
          }
        }
      }
    }
  }

  /** The comments that count under the configuration's {@code inlineSuppressions}. */
  private List<Suppression> inline(List<Suppression> comments) {
    return switch (config.inlineSuppressions()) {
      case ALLOW -> comments;
      case REQUIRE_REASON -> comments.stream().filter(c -> !c.reason().isBlank()).toList();
      case DENY -> List.of();
    };
  }

  /**
   * Whether the configuration accepts a finding: a suppression of its rule whose files match
   * its file and whose entity, if named, is the entity it is in or one around it. Every
   * suppression that does is noted as used.
   */
  private boolean acceptedInConfig(Program program, Rule rule, Span at, Set<Config.Suppression> used) {
    boolean accepted = false;
    for (Config.Suppression s : config.suppressions()) {
      if (s.rule().equals(rule.id()) && config.inFiles(s, at.source())
          && s.entity().map(name -> within(program, name, at)).orElse(true)) {
        used.add(s);
        accepted = true;
      }
    }
    return accepted;
  }

  private static boolean within(Program program, String name, Span at) {
    Optional<FileModel> file = program.files().stream().filter(f -> f.uri().equals(at.source())).findFirst();
    Optional<Entity> entity = file.flatMap(f -> Locator.enclosing(f, at.start()));
    while (entity.isPresent()) {
      if (entity.get().name().text().equals(name)) {
        return true;
      }
      entity = program.parent(entity.get());
    }
    return false;
  }

  private static boolean silenced(List<Suppression> suppressions, Rule rule, Span at, Map<Suppression, Set<String>> used) {
    boolean silenced = false;
    for (Suppression s : suppressions) {
      if (s.silences(rule.id(), at)) {
        used.computeIfAbsent(s, k -> new HashSet<>()).add(rule.id());
        silenced = true;
      }
    }
    return silenced;
  }
}
