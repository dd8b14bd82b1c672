package dev.topo.check;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Limits;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the block-scoped and contained rules ({@link Rule.Scope#BLOCK}, {@link
 * Rule.Scope#CONTAINED}) found in each top-level block of a document at its last check, by the
 * block's text: the next check, after an edit, runs those rules only over the blocks whose
 * text it has not seen (the block-scoped ones over every cluster too), and moves the others'
 * findings to where their block now stands. One per open document; a check with another configuration
 * or other rules starts it afresh. Safe to share between threads (a check that loses a race
 * costs only the findings it would have kept).
 */
public final class BlockFindings {
  /** What one check left: the rules and configuration it ran with, and each block's findings by the block's text. */
  private record Kept(List<Rule> rules, Config config, Map<BlockText, Block> blocks) {}

  /**
   * A block's text, as a stretch of its file's text: a key compared character by character
   * without copying every block of the file out on each keystroke. The keys a check keeps all
   * stand in the text of the version it checked, so no older text is held by them.
   */
  private static final class BlockText {
    private static final int SAMPLED = 48;
    private final String file;
    private final int start;
    private final int end;
    private final int hash;

    BlockText(String file, Span span) {
      this.file = file;
      this.start = span.start();
      this.end = span.end();
      // The length and the first and last characters: blocks differ near their names, and
      // equals compares the whole stretch anyway, so hashing it all would read every block twice.
      int h = end - start;
      for (int i = start, to = Math.min(end, start + SAMPLED); i < to; i++) {
        h = 31 * h + file.charAt(i);
      }
      for (int i = Math.max(start + SAMPLED, end - SAMPLED); i < end; i++) {
        h = 31 * h + file.charAt(i);
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BlockText other && other.hash == hash && other.end - other.start == end - start
          && file.regionMatches(start, other.file, other.start, end - start);
    }
  }

  /** A block as it stood when checked, and what each block-scoped rule reported in it. */
  private record Block(Entity entity, Map<Rule, List<Report>> reports) {}

  /** One report of a rule, as the rule made it. */
  private record Report(Span span, Message message, List<Related> related, Finding.Data data) {}

  /**
   * Top-level blocks past which a file is checked whole: each block kept costs some 200 bytes
   * whatever its size, and a file of 199,000 one-line hosts ran the 256 MB budget out of memory
   * with them, while designs have hundreds of blocks (the 50k-line benchmark, 182 hosts).
   */
  static final int MAX_BLOCKS = 10_000;

  private volatile Kept kept = new Kept(List.of(), Config.DEFAULT, Map.of());

  /**
   * The check of one program with these findings kept from the last, or null when a program's
   * check cannot be split by block (it reaches beyond its root, or a block sits inside another)
   * or is not worth splitting (too many blocks).
   */
  Round round(Program program, List<Rule> rules, Config config) {
    if (!program.checksOnlyTheRoot() || program.root().declarations().size() > MAX_BLOCKS || nested(program.root())) {
      return null;
    }
    Kept last = kept;
    Map<BlockText, Block> known = last.rules().equals(rules) && last.config().checksAlike(config) ? last.blocks() : Map.of();
    return new Round(program, rules, config, known);
  }

  private static boolean nested(FileModel file) {
    int end = -1;
    for (Entity d : file.declarations()) {
      if (d.span().start() < end) {
        return true;
      }
      end = Math.max(end, d.span().end());
    }
    return false;
  }

  /** One check: the blocks it knows, the blocks it must check, and what it finds in them. */
  final class Round {
    private final Program program;
    private final List<Rule> rules;
    private final Config config;
    /** The root's blocks whose findings are known, each with the block as it was. */
    private final Map<Entity, Block> known = new IdentityHashMap<>();
    /** The blocks the block-scoped rules check this time: the changed ones and every cluster, in the file's order. */
    private final List<Entity> checked = new ArrayList<>();
    /** The blocks the contained rules check this time: the changed ones, in the file's order. */
    private final List<Entity> changed = new ArrayList<>();
    /** The changed blocks and what was found in them (in clusters, by the contained rules only), in the file's order. */
    private final List<Block> found = new ArrayList<>();
    private final Map<Entity, BlockText> texts = new IdentityHashMap<>();
    /**
     * The reports this round would keep for the next: those recorded in the blocks found and
     * those replayed from the known ones. Past the findings a file shows, a round stops
     * recording and keeps nothing, as keeping all of a huge file's would double what it costs.
     */
    private int reports;

    private Round(Program program, List<Rule> rules, Config config, Map<BlockText, Block> before) {
      this.program = program;
      this.rules = rules;
      this.config = config;
      String text = program.root().text();
      for (Entity block : program.root().declarations()) {
        BlockText blockText = new BlockText(text, block.span());
        texts.put(block, blockText);
        Block seen = before.get(blockText);
        if (seen != null) {
          known.put(block, seen);
          if (block.kind() == EntityKind.CLUSTER) {
            checked.add(block);
          }
        } else {
          checked.add(block);
          changed.add(block);
          found.add(new Block(block, new HashMap<>()));
        }
      }
    }

    /**
     * Runs a block-scoped or contained rule over the blocks it must check again, and reports
     * what it found there and in the known ones. A block-scoped rule's findings in a cluster
     * are found again each time, so they are neither kept nor replayed.
     */
    void check(Rule rule, Map<String, String> options, Acceptor acceptor) {
      boolean contained = rule.scope() == Rule.Scope.CONTAINED;
      Program part = program.checkingOnly(contained ? changed : checked);
      rule.check(part, (at, message, related, data) -> {
        Block block = blockAt(at.span());
        if (block != null && (contained || block.entity().kind() != EntityKind.CLUSTER)
            && ++reports <= Limits.MAX_FINDINGS_PER_FILE) {
          block.reports().computeIfAbsent(rule, r -> new ArrayList<>())
              .add(new Report(at.span(), message, related, data));
        }
        acceptor.report(at, message, related, data);
      }, options);
      known.forEach((now, before) -> {
        if (!contained && now.kind() == EntityKind.CLUSTER) {
          return;
        }
        Moved moves = new Moved(before.entity(), now);
        for (Report report : before.reports().getOrDefault(rule, List.of())) {
          reports++;
          Span span = moves.span(report.span());
          List<Related> related = report.related().stream().map(r -> new Related(moves.span(r.span()), r.text())).toList();
          acceptor.report((Located) () -> span, report.message(), related, report.data().moved(moves));
        }
      });
    }

    /**
     * The block being found in that holds a place, if any: the last that starts at or before
     * it (blocks do not overlap here), found by halving, as a file may hold 200,000 blocks.
     */
    private Block blockAt(Span span) {
      int low = 0;
      int high = found.size() - 1;
      Block candidate = null;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        Block block = found.get(middle);
        if (block.entity().span().start() <= span.start()) {
          candidate = block;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return candidate != null && candidate.entity().span().contains(span) ? candidate : null;
    }

    /** Keeps this round's findings for the next, unless the check was cut short or found too many to keep. */
    void keep() {
      if (reports > Limits.MAX_FINDINGS_PER_FILE) {
        kept = new Kept(List.of(), Config.DEFAULT, Map.of());
        return;
      }
      Map<BlockText, Block> blocks = new HashMap<>();
      known.forEach((block, before) -> blocks.put(texts.get(block), before));
      found.forEach(now -> blocks.put(texts.get(now.entity()), now));
      kept = new Kept(rules, config, blocks);
    }
  }

  /** A block moved from one place to another with the same text: the same elements, shifted. */
  private static final class Moved implements Moves {
    private final Entity before;
    private final Entity now;
    private final int delta;

    Moved(Entity before, Entity now) {
      this.before = before;
      this.now = now;
      this.delta = now.span().start() - before.span().start();
    }

    @Override
    public Span span(Span s) {
      return new Span(now.span().source(), s.start() + delta, s.end() + delta);
    }

    @Override
    public Entity entity(Entity old) {
      return entityAt(span(old.span()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Property<T> property(Property<T> old) {
      Span at = span(old.span());
      Entity holder = entityAt(at);
      for (Property<?> p : holder.properties().single().values()) {
        if (p.span().equals(at)) {
          return (Property<T>) p;
        }
      }
      for (List<Property<?>> ps : holder.properties().repeated().values()) {
        for (Property<?> p : ps) {
          if (p.span().equals(at)) {
            return (Property<T>) p;
          }
        }
      }
      throw new IllegalStateException("no property at " + at + " in the moved block " + before.name().text());
    }

    /** The innermost entity of the new block whose span holds a place. */
    private Entity entityAt(Span at) {
      Entity inside = now;
      boolean deeper = true;
      while (deeper) {
        deeper = false;
        for (Entity child : inside.children()) {
          if (child.span().contains(at)) {
            inside = child;
            deeper = true;
            break;
          }
        }
      }
      if (!inside.span().contains(at)) {
        throw new IllegalStateException("no entity at " + at + " in the moved block " + before.name().text());
      }
      return inside;
    }
  }
}
