package com.nbaprops.mlfs.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date's baseline, drift and coverage alerts from the summaries of the previous {@link
 * HealthRules#BASELINE_DAYS} days ({@link HealthRules} holds every threshold). Pure Java: the
 * baseline reads only the rounded values a stored health row holds, so a date gets the same
 * fields whether its previous days were computed by the same run or read back from the table.
 */
public final class Drift {
  private Drift() {}

  /**
   * @param window summaries of dates in D−28 … D−1 (others are ignored), in any order
   * @param minQualityReadyPct {@code --minQualityReadyPct}, or null without a coverage gate
   */
  public static HealthRow apply(HealthRow day, List<DaySummary> window,
      Double minQualityReadyPct) {
    LocalDate from = day.gameDate().minusDays(HealthRules.BASELINE_DAYS);
    List<DaySummary> days = window.stream()
        .filter(s -> !s.gameDate().isBefore(from) && s.gameDate().isBefore(day.gameDate())
            && s.featureRows() > 0)
        .sorted(java.util.Comparator.comparing(DaySummary::gameDate))
        .toList();
    List<FeatureHealth> features = new ArrayList<>();
    List<String> drift = new ArrayList<>();
    List<String> jumps = new ArrayList<>();
    for (FeatureHealth f : day.features()) {
      FeatureHealth b = baseline(f, days);
      features.add(b);
      if (HealthRules.SCHEDULE_DRIVEN.contains(f.index())) {
        continue;
      }
      if (drifted(b)) {
        drift.add(HealthRules.driftAlert(f.name()));
      }
      if (defaultJumped(f.index(), day.featureRows(), f.defaultCount(), days)) {
        jumps.add(HealthRules.defaultJumpAlert(f.name()));
      }
    }
    Boolean ok = HealthRules.coverageOk(day.qualityReadyPct(), minQualityReadyPct);
    List<String> alerts = new ArrayList<>();
    if (Boolean.FALSE.equals(ok)) {
      alerts.add(HealthRules.LOW_COVERAGE);
    }
    alerts.addAll(drift);
    alerts.addAll(jumps);
    return day.withDrift(features, alerts, ok);
  }

  private static FeatureHealth baseline(FeatureHealth f, List<DaySummary> days) {
    List<Double> means = new ArrayList<>();
    double spreadSum = 0;
    int spreads = 0;
    long defaults = 0;
    long rows = 0;
    for (DaySummary d : days) {
      DaySummary.FeatureDay x = d.features().get(f.index());
      defaults += x.defaultCount();
      rows += d.featureRows();
      if (x.mean() != null) {
        means.add(x.mean());
      }
      if (x.stddev() != null) {
        spreadSum += x.stddev();
        spreads++;
      }
    }
    Double mean = means.isEmpty() ? null : HealthRules.round(sum(means) / means.size());
    Double std = null;
    if (means.size() >= 2) {
      double m = sum(means) / means.size();
      double squares = 0;
      for (double x : means) {
        squares += (x - m) * (x - m);
      }
      std = HealthRules.round(Math.sqrt(squares / (means.size() - 1)));
    }
    Double valueStd = spreads == 0 ? null : HealthRules.round(spreadSum / spreads);
    Double z = f.mean() != null && mean != null && std != null && std > 0
        ? HealthRules.round((f.mean() - mean) / std) : null;
    return f.withBaseline(days.size(), mean, std, valueStd,
        HealthRules.pct(defaults, rows, 2), z);
  }

  /** The day's mean moved beyond both the day-to-day noise and the within-day spread. */
  static boolean drifted(FeatureHealth f) {
    if (f.baselineDays() < HealthRules.MIN_BASELINE_DAYS || f.mean() == null
        || f.baselineStd() == null || f.valueCount() < HealthRules.MIN_DRIFT_VALUES) {
      return false;
    }
    double move = Math.abs(f.mean() - f.baselineMean());
    double spread = f.baselineValueStd() == null ? 0 : f.baselineValueStd();
    return move > 0 && move >= HealthRules.DRIFT_Z * f.baselineStd()
        && move >= HealthRules.DRIFT_MIN_SPREADS * spread;
  }

  /** 100 × d/n − 100 × Σd/Σn ≥ the jump, compared exactly in integers. */
  static boolean defaultJumped(int index, long rows, long defaults, List<DaySummary> days) {
    if (days.size() < HealthRules.MIN_BASELINE_DAYS || rows == 0) {
      return false;
    }
    long baseDefaults = 0;
    long baseRows = 0;
    for (DaySummary d : days) {
      baseDefaults += d.features().get(index).defaultCount();
      baseRows += d.featureRows();
    }
    return 100 * (defaults * baseRows - baseDefaults * rows)
        >= (long) HealthRules.DEFAULT_JUMP_POINTS * rows * baseRows;
  }

  private static double sum(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }
}
