package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.metrics.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters a health row adds to the run's breakdown (Beam metrics on a local run, the
 * run-history counts of a BigQuery-sink run): per date its roster, quality-ready and
 * training-ready rows, low coverage and alerts; per tier its rows. {@link HealthSummary} reads them
 * back.
 */
public final class HealthCounts {
  public static final String ROSTER = "roster";
  public static final String QUALITY_READY = "quality_ready";
  public static final String TRAINING_READY = "training_ready";
  public static final String LOW_COVERAGE = "low_coverage";

  private HealthCounts() {}

  /** The counter increments of one health row, by metric name. */
  public static Map<String, Long> of(HealthRow h) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(MetricNames.healthDate(ROSTER, h.gameDate()), h.rosterEntries());
    m.put(MetricNames.healthDate(QUALITY_READY, h.gameDate()), h.qualityReadyCount());
    m.put(MetricNames.healthDate(TRAINING_READY, h.gameDate()), h.trainingReadyCount());
    if (Boolean.FALSE.equals(h.coverageOk())) {
      m.put(MetricNames.healthDate(LOW_COVERAGE, h.gameDate()), 1L);
    }
    for (Count t : h.tierCounts()) {
      m.merge(MetricNames.healthTier(t.name()), t.count(), Long::sum);
    }
    for (String a : h.alerts()) {
      m.put(MetricNames.healthAlert(h.gameDate(), a), 1L);
    }
    return m;
  }
}
