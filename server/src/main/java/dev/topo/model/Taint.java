package dev.topo.model;

import java.util.List;
import java.util.Locale;

/**
 * {@code taint KEY "VALUE" [no-schedule | no-execute]} on a node: pods that do not tolerate
 * it are kept off the node, as Kubernetes taints with those effects keep them.
 *
 * @param key as written, unquoted
 * @param value as written, unquoted (empty for a taint without a value)
 * @param effect what it keeps off: pods not yet there, or also those running
 */
public record Taint(Name key, Name value, Effect effect) {
  /** A taint's effect; {@code PreferNoSchedule} is a preference, not modelled. */
  public enum Effect {
    NO_SCHEDULE, NO_EXECUTE;

    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> words() {
      return List.of(NO_SCHEDULE.word(), NO_EXECUTE.word());
    }
  }

  /** How Kubernetes writes it: {@code key=value:NoSchedule}. */
  public String describe() {
    String effectName = effect == Effect.NO_SCHEDULE ? "NoSchedule" : "NoExecute";
    return key.text() + (value.text().isEmpty() ? "" : "=" + value.text()) + ":" + effectName;
  }
}
