package dev.topo.check;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Extent;
import dev.topo.model.FileModel;
import dev.topo.model.Limits;
import dev.topo.model.LocalSpan;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Origin;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the block-scoped and contained rules ({@link Rule.Scope#BLOCK}, {@link
 * Rule.Scope#CONTAINED}) found in each top-level block of a document at its last check, by the
 * block's text: the next check, after an edit, runs those rules only over the blocks whose
 * text it has not seen, and moves the others' findings to where their block now stands. The
 * block-scoped ones read a cluster's nodes too, so they check a cluster again also when a
 * changed or removed block declares one of its nodes' names (always, in a program of several
 * files). One per open document; a check with another configuration or other rules starts it
 * afresh. Safe to share between threads (a check that loses a race costs only the findings it
 * would have kept).
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

  /**
   * A block as it stood when checked, and what each block-scoped rule reported in it. A
   * cluster's block-scoped reports may name its nodes, in other blocks: {@code anchors} are
   * those blocks as they stood then, and {@code movable} is false once a report named a place
   * outside every block of the file (or a rule reported outside the blocks it was shown), so
   * that they cannot be moved without checking the cluster again.
   */
  private static final class Block {
    final Entity entity;
    /** Where the block stood in the version it was checked in. */
    final Span span;
    final Map<Rule, List<Report>> reports;
    final List<Anchor> anchors;
    boolean movable = true;

    Block(Entity entity, Span span) {
      this(entity, span, new HashMap<>(), new ArrayList<>());
    }

    Block(Entity entity, Span span, Map<Rule, List<Report>> reports, List<Anchor> anchors) {
      this.entity = entity;
      this.span = span;
      this.reports = reports;
      this.anchors = anchors;
    }
  }

  /**
   * A top-level block a cluster's reports name, where it stood ({@code [start, end)}) and the
   * origin its elements counted from when they were made, and its text now.
   */
  private record Anchor(int start, int end, Origin origin, BlockText text) {}

  /** One report of a rule, as the rule made it. */
  private record Report(Span span, Message message, List<Related> related, Finding.Data data) {
    Report moved(Moves moves) {
      return new Report(moves.span(span), message,
          related.stream().map(r -> new Related(moves.span(r.span()), r.text())).toList(), data.moved(moves));
    }
  }

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
      Span span = file.span(d);
      if (span.start() < end) {
        return true;
      }
      end = Math.max(end, span.end());
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
    /**
     * The known clusters whose block-scoped findings are moved, not found again: neither they
     * nor the blocks that declare their nodes' names changed. In the file's order.
     */
    private final List<SettledCluster> settled = new ArrayList<>();
    /** The blocks the block-scoped rules check this time: the changed ones and the clusters not settled, in the file's order. */
    private final List<Entity> checked = new ArrayList<>();
    /** The blocks the contained rules check this time: the changed ones, in the file's order. */
    private final List<Entity> changed = new ArrayList<>();
    /**
     * The blocks checked and what is found in them, in the file's order: the changed ones, and
     * the known clusters checked again, which take their contained findings along, moved.
     */
    private final List<Block> found = new ArrayList<>();
    /** The known clusters checked again, each with its block in {@link #found}. */
    private final Map<Entity, Block> refreshed = new IdentityHashMap<>();
    private final Map<Entity, BlockText> texts = new IdentityHashMap<>();
    /** Where each of the root's blocks stands in this version. */
    private final Map<Entity, Span> spans = new IdentityHashMap<>();
    /**
     * The reports this round would keep for the next: those recorded in the blocks found and
     * those replayed from the known ones. Past the findings a file shows, a round stops
     * recording and keeps nothing, as keeping all of a huge file's would double what it costs.
     */
    private int reports;
    /** Whether a block-scoped rule reported outside the blocks it was shown: then no cluster's findings are moved next time. */
    private boolean strayed;

    private Round(Program program, List<Rule> rules, Config config, Map<BlockText, Block> before) {
      this.program = program;
      this.rules = rules;
      this.config = config;
      String text = program.root().text();
      List<Entity> blocks = program.root().declarations();
      // Each text's block, to find a cluster's nodes' blocks again by; none for a text two blocks share.
      Map<BlockText, Entity> byText = new HashMap<>();
      Set<Block> matched = Collections.newSetFromMap(new IdentityHashMap<>());
      // A block the incremental parse kept is the very entity it was: known without comparing its text.
      Map<Entity, Block> byEntity = new IdentityHashMap<>(before.size());
      before.values().forEach(b -> byEntity.put(b.entity, b));
      for (Entity block : blocks) {
        Span span = program.span(block);
        spans.put(block, span);
        BlockText blockText = new BlockText(text, span);
        texts.put(block, blockText);
        byText.put(blockText, byText.containsKey(blockText) ? null : block);
        Block seen = byEntity.get(block);
        if (seen == null) {
          seen = before.get(blockText);
        }
        if (seen != null) {
          known.put(block, seen);
          matched.add(seen);
        }
      }
      Set<String> touched = known.isEmpty() ? Set.of() : namesChanged(blocks, before.values(), matched);
      for (Entity block : blocks) {
        Block seen = known.get(block);
        if (seen == null) {
          checked.add(block);
          changed.add(block);
          found.add(new Block(block, spans.get(block)));
        } else if (block.kind() == EntityKind.CLUSTER) {
          SettledCluster cluster = settle(block, seen, touched, byText);
          if (cluster != null) {
            settled.add(cluster);
          } else {
            checked.add(block);
            Block fresh = new Block(block, spans.get(block));
            refreshed.put(block, fresh);
            found.add(fresh);
          }
        }
      }
    }

    /** The names of every entity in the blocks this version changed and in those it no longer has. */
    private Set<String> namesChanged(List<Entity> blocks, Collection<Block> before, Set<Block> matched) {
      Set<String> names = new HashSet<>();
      for (Entity block : blocks) {
        if (!known.containsKey(block)) {
          block.forEachInTree(e -> names.add(e.name().text()));
        }
      }
      for (Block gone : before) {
        if (!matched.contains(gone)) {
          gone.entity.forEachInTree(e -> names.add(e.name().text()));
        }
      }
      return names;
    }

    /**
     * A known cluster whose block-scoped findings can be moved, or null when they must be found
     * again: the program has other files, whose nodes an edit elsewhere changes; a changed or
     * removed block declares the name of one of its nodes (the node changed, or the name now
     * stands for another); or a block its reports name is no longer there to move them with.
     */
    private SettledCluster settle(Entity cluster, Block seen, Set<String> touched, Map<BlockText, Entity> byText) {
      if (!seen.movable || program.files().size() > 1) {
        return null;
      }
      for (Name node : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        if (touched.contains(node.text())) {
          return null;
        }
      }
      List<Anchored> anchors = new ArrayList<>(seen.anchors.size());
      for (Anchor anchor : seen.anchors) {
        Entity now = byText.get(anchor.text());
        if (now == null) {
          return null;
        }
        anchors.add(new Anchored(anchor, moved(new Span(now.span().source(), anchor.start(), anchor.end()), anchor.origin(), now)));
      }
      return new SettledCluster(cluster, seen, new ClusterMoves(moved(seen.span, origin(seen.entity), cluster), anchors));
    }

    /** How the elements of a block that stood at {@code before} with the same text as {@code now} moved. */
    private Moved moved(Span before, Origin origin, Entity now) {
      return new Moved(before, origin, now, spans.get(now));
    }

    /**
     * Runs a block-scoped or contained rule over the blocks it must check again, and reports
     * what it found there and in the known ones, moved to where they now stand.
     */
    void check(Rule rule, Map<String, String> options, Acceptor acceptor) {
      boolean contained = rule.scope() == Rule.Scope.CONTAINED;
      Program part = program.checkingOnly(contained ? changed : checked);
      rule.check(part, (at, message, related, data) -> {
        Span place = program.span(at);
        if (!contained && containing(settled, c -> spans.get(c.now()), place) != null) {
          return; // moved below: a rule that looks at every cluster, not only those it is shown, found it again
        }
        Block block = containing(found, b -> b.span, place);
        if (block == null) {
          strayed |= !contained;
        } else if (++reports <= Limits.MAX_FINDINGS_PER_FILE) {
          block.reports.computeIfAbsent(rule, r -> new ArrayList<>()).add(new Report(place, message, related, data));
          if (!contained && block.entity.kind() == EntityKind.CLUSTER) {
            anchor(block, related, data);
          }
        }
        acceptor.report(at, message, related, data);
      }, options);
      known.forEach((now, before) -> {
        Block fresh = refreshed.get(now);
        if (!contained && fresh != null) {
          return; // checked again above
        }
        Moves moves = contained || now.kind() != EntityKind.CLUSTER ? moved(before.span, origin(before.entity), now)
            : settledAs(now);
        for (Report report : before.reports.getOrDefault(rule, List.of())) {
          reports++;
          Report moved = report.moved(moves);
          if (fresh != null) {
            fresh.reports.computeIfAbsent(rule, r -> new ArrayList<>()).add(moved);
          }
          acceptor.report(moved::span, moved.message(), moved.related(), moved.data());
        }
      });
    }

    private Moves settledAs(Entity cluster) {
      return containing(settled, c -> spans.get(c.now()), spans.get(cluster)).moves();
    }

    /** Notes the top-level blocks outside a cluster that a report found in it names, to move it by later. */
    private void anchor(Block cluster, List<Related> related, Finding.Data data) {
      List<Span> named = new ArrayList<>();
      related.forEach(r -> named.add(r.span()));
      data.moved(new Reach(program, named));
      for (Span span : named) {
        if (cluster.span.contains(span)) {
          continue;
        }
        Entity block = containing(program.root().declarations(), spans::get, span);
        Span at = block == null ? null : spans.get(block);
        if (at == null || !at.source().equals(span.source())) {
          cluster.movable = false;
        } else if (cluster.anchors.stream().noneMatch(a -> a.start() == at.start())) {
          cluster.anchors.add(new Anchor(at.start(), at.end(), origin(block), texts.get(block)));
        }
      }
    }

    /** Keeps this round's findings for the next, unless the check was cut short or found too many to keep. */
    void keep() {
      if (reports > Limits.MAX_FINDINGS_PER_FILE) {
        kept = new Kept(List.of(), Config.DEFAULT, Map.of());
        return;
      }
      Map<BlockText, Block> blocks = new HashMap<>();
      known.forEach((block, before) -> blocks.put(texts.get(block), before));
      // A settled cluster's anchors are kept against this version's text, so that only one version's text is held.
      settled.forEach(c -> blocks.put(texts.get(c.now()), c.rekeyed(texts)));
      found.forEach(now -> blocks.put(texts.get(now.entity), now));
      if (strayed) {
        blocks.values().forEach(b -> b.movable = false);
      }
      kept = new Kept(rules, config, blocks);
    }
  }

  /**
   * The item of a list in the file's order whose span holds a place: the last that starts at
   * or before it (the spans do not overlap), found by halving, as a file may hold 200,000 blocks.
   */
  private static <T> T containing(List<T> inOrder, Function<T, Span> spanOf, Span place) {
    int low = 0;
    int high = inOrder.size() - 1;
    T candidate = null;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      T item = inOrder.get(middle);
      if (spanOf.apply(item).start() <= place.start()) {
        candidate = item;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return candidate != null && spanOf.apply(candidate).contains(place) ? candidate : null;
  }

  /** A known cluster left unchecked this round, as it stood ({@code before}) and now, and how its findings move. */
  private record SettledCluster(Entity now, Block before, ClusterMoves moves) {
    /** Its block as kept for the next round: its anchors against the blocks that now stand for them. */
    Block rekeyed(Map<Entity, BlockText> texts) {
      List<Anchor> anchors = moves.anchors.stream()
          .map(a -> new Anchor(a.anchor().start(), a.anchor().end(), a.anchor().origin(), texts.get(a.moved().now))).toList();
      return new Block(before.entity, before.span, before.reports, anchors);
    }
  }

  /** A block a cluster's reports name, as it stood, and how it moved since. */
  private record Anchored(Anchor anchor, Moved moved) {}

  /**
   * A settled cluster's reports moved: what lies in the cluster with the cluster, what lies in
   * one of its nodes' blocks with that block.
   */
  private static final class ClusterMoves implements Moves {
    private final Moved cluster;
    private final List<Anchored> anchors;

    ClusterMoves(Moved cluster, List<Anchored> anchors) {
      this.cluster = cluster;
      this.anchors = anchors.stream().sorted(Comparator.comparingInt(a -> a.anchor().start())).toList();
    }

    /** The block a place of the version the report was made in lies in. */
    private Moves at(Span before) {
      if (cluster.before.contains(before)) {
        return cluster;
      }
      Anchored anchored = containing(anchors, a -> new Span(before.source(), a.anchor().start(), a.anchor().end()), before);
      if (anchored == null) {
        throw new IllegalStateException("a settled cluster's report names " + before + ", outside the blocks it was kept with");
      }
      return anchored.moved();
    }

    /** The block an element of the version the report was made in belongs to: by its origin, or where it was (YAML's). */
    private Moves at(Located before) {
      if (!(before.span() instanceof LocalSpan local)) {
        return at((Span) before.span());
      }
      if (local.origin() == cluster.beforeOrigin) {
        return cluster;
      }
      for (Anchored anchored : anchors) {
        if (anchored.anchor().origin() == local.origin()) {
          return anchored.moved();
        }
      }
      throw new IllegalStateException("a settled cluster's report names " + before + ", outside the blocks it was kept with");
    }

    @Override
    public Span span(Span before) {
      return at(before).span(before);
    }

    @Override
    public Entity entity(Entity before) {
      return at(before).entity(before);
    }

    @Override
    public <T> Property<T> property(Property<T> before) {
      return at(before).property(before);
    }

    @Override
    public Name name(Name before) {
      return at(before).name(before);
    }
  }

  /** The origin a top-level block's elements count from; null for a block of a model that holds spans of its text. */
  private static Origin origin(Entity block) {
    return block.span() instanceof LocalSpan local ? local.origin() : null;
  }

  /** Notes every place a finding's data names, moving nothing: data of the program's current version. */
  private record Reach(Program program, List<Span> named) implements Moves {
    @Override
    public Span span(Span before) {
      named.add(before);
      return before;
    }

    @Override
    public Entity entity(Entity before) {
      named.add(program.span(before));
      return before;
    }

    @Override
    public <T> Property<T> property(Property<T> before) {
      named.add(program.span(before));
      return before;
    }

    @Override
    public Name name(Name before) {
      named.add(program.span(before));
      return before;
    }
  }

  /**
   * A block moved from one place to another with the same text: the same elements, shifted.
   * What a block holds counts from its start, so an element of the block as it was is the one
   * at the same offsets in the block now: itself, when the block was not parsed again.
   */
  private static final class Moved implements Moves {
    /** Where the block stood, and the origin its elements counted from (null for spans of the text). */
    private final Span before;
    private final Origin beforeOrigin;
    private final Entity now;
    private final int nowStart;
    private final int delta;

    Moved(Span before, Origin beforeOrigin, Entity now, Span nowSpan) {
      this.before = before;
      this.beforeOrigin = beforeOrigin;
      this.now = now;
      this.nowStart = nowSpan.start();
      this.delta = nowStart - before.start();
    }

    /** Whether the block is the very one the report was made in: its elements are this version's. */
    private boolean same() {
      return beforeOrigin != null && origin(now) == beforeOrigin;
    }

    @Override
    public Span span(Span s) {
      return new Span(now.span().source(), s.start() + delta, s.end() + delta);
    }

    @Override
    public Entity entity(Entity old) {
      return same() ? old : entityAt(offsets(old.span(), before.start()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Property<T> property(Property<T> old) {
      if (same()) {
        return old;
      }
      long at = offsets(old.span(), before.start());
      Entity holder = entityAt(at);
      for (Property<?> p : holder.properties().single().values()) {
        if (offsets(p.span(), nowStart) == at) {
          return (Property<T>) p;
        }
      }
      for (List<Property<?>> ps : holder.properties().repeated().values()) {
        for (Property<?> p : ps) {
          if (offsets(p.span(), nowStart) == at) {
            return (Property<T>) p;
          }
        }
      }
      throw new IllegalStateException("no property at " + old.span() + " in the moved block " + now.name().text());
    }

    @Override
    public Name name(Name old) {
      if (same()) {
        return old;
      }
      long at = offsets(old.span(), before.start());
      int start = (int) (at >> 32);
      int end = (int) at;
      Origin origin = origin(now);
      return new Name(old.text(), origin != null ? new LocalSpan(origin, start, end)
          : new Span(now.span().source(), nowStart + start, nowStart + end));
    }

    /** The innermost entity of the new block whose offsets from its start hold these. */
    private Entity entityAt(long at) {
      Entity inside = now;
      boolean deeper = true;
      while (deeper) {
        deeper = false;
        for (Entity child : inside.children()) {
          if (holds(offsets(child.span(), nowStart), at)) {
            inside = child;
            deeper = true;
            break;
          }
        }
      }
      if (!holds(offsets(inside.span(), nowStart), at)) {
        throw new IllegalStateException("no entity at " + (at >> 32) + " in the moved block " + now.name().text());
      }
      return inside;
    }

    /** Where an element is from its block's start ({@code blockStart} for one that holds a span of the text), start and end in one number. */
    private static long offsets(Extent extent, int blockStart) {
      if (extent instanceof LocalSpan local) {
        return ((long) local.start() << 32) | local.end();
      }
      Span span = (Span) extent;
      return ((long) (span.start() - blockStart) << 32) | (span.end() - blockStart);
    }

    private static boolean holds(long outer, long inner) {
      return (int) (outer >> 32) <= (int) (inner >> 32) && (int) inner <= (int) outer;
    }
  }
}
