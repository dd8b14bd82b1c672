package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.check.Usage;
import dev.topo.workspace.Capacity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/inlayHint}: after a pod's {@code replicas N}, or after the pod's name
 * when it has no replicas line, what all its replicas need together
 * ({@code = 6 cpu · 3 GiB in all}). Only the hints within the requested range are returned.
 */
public final class InlayHintFeature {
  private InlayHintFeature() {}

  public static List<InlayHint> inlayHints(Snapshot snapshot, InlayHintParams params, Cancellation cancel) {
    if (params.getRange() == null) {
      return List.of();
    }
    int from = Positions.offset(snapshot.lines(), params.getRange().getStart());
    int to = Positions.offset(snapshot.lines(), params.getRange().getEnd());
    List<InlayHint> hints = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      cancel.check();
      if (declaration.kind() != EntityKind.CLUSTER || declaration.span().end() < from || declaration.span().start() > to) {
        continue;
      }
      for (Entity pod : declaration.children(EntityKind.POD)) {
        hint(snapshot, pod).filter(h -> within(snapshot, h, from, to)).ifPresent(hints::add);
      }
    }
    return hints;
  }

  private static Optional<InlayHint> hint(Snapshot snapshot, Entity pod) {
    Optional<Property<Integer>> replicas = pod.properties().replicas();
    if (replicas.isPresent() && replicas.get().known().isEmpty()) {
      return Optional.empty(); // an invalid count: its finding says so, a total would mislead
    }
    Usage.Demand demand = Usage.demand(pod);
    Optional<String> label = label(demand);
    if (label.isEmpty()) {
      return Optional.empty();
    }
    int at = replicas.map(r -> r.span().end()).orElse(pod.name().span().end());
    InlayHint hint = new InlayHint(Positions.position(snapshot.lines(), at), Either.forLeft(label.get()));
    hint.setPaddingLeft(true);
    hint.setTooltip(new MarkupContent(MarkupKind.MARKDOWN, tooltip(pod, demand)));
    return Optional.of(hint);
  }

  /** {@code = 6 cpu · 3 GiB in all}, leaving out what no container declares. */
  static Optional<String> label(Usage.Demand demand) {
    List<String> parts = new ArrayList<>();
    if (demand.cpuDeclared()) {
      parts.add(Capacity.cores(demand.totalCpu()) + " cpu");
    }
    if (demand.memoryDeclared()) {
      parts.add(Capacity.bytes(demand.totalMemory()));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of("= " + String.join(CodeLensFeature.SEPARATOR, parts) + " in all");
  }

  private static String tooltip(Entity pod, Usage.Demand demand) {
    List<String> parts = new ArrayList<>();
    if (demand.cpuDeclared()) {
      parts.add(Capacity.cores(demand.cpu()) + " cpu");
    }
    if (demand.memoryDeclared()) {
      parts.add(Capacity.bytes(demand.memory()));
    }
    return demand.replicas() + (demand.replicas() == 1 ? " replica" : " replicas") + " of " + pod.describe()
        + ", each needing " + String.join(" and ", parts) + " (the sum of its containers' limits)";
  }

  private static boolean within(Snapshot snapshot, InlayHint hint, int from, int to) {
    int at = Positions.offset(snapshot.lines(), hint.getPosition());
    return from <= at && at <= to;
  }
}
