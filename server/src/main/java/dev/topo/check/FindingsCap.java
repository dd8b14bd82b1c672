package dev.topo.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Keeps at most a number of findings per file, the first in {@link Finding#ORDER}, and counts
 * the others: a file with millions of findings costs the heap of that number, not of millions.
 */
final class FindingsCap {
  private final int perFile;
  /** Per file, the findings kept, the last in order at the head (the one to drop next). */
  private final Map<URI, PriorityQueue<Finding>> kept = new HashMap<>();
  private final Map<URI, Integer> hidden = new HashMap<>();

  FindingsCap(int perFile) {
    this.perFile = perFile;
  }

  void add(Finding finding) {
    URI file = finding.span().source();
    PriorityQueue<Finding> queue = kept.computeIfAbsent(file, f -> new PriorityQueue<>(Finding.ORDER.reversed()));
    queue.add(finding);
    if (queue.size() > perFile) {
      queue.poll();
      hidden.merge(file, 1, Integer::sum);
    }
  }

  /** The findings kept, in no particular order. */
  List<Finding> kept() {
    List<Finding> all = new ArrayList<>();
    kept.values().forEach(all::addAll);
    return all;
  }

  /** How many findings each file had past the cap (files with none are absent). */
  Map<URI, Integer> hidden() {
    return hidden;
  }
}
