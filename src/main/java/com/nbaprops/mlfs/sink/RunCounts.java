package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.metrics.RunSummary;
import com.nbaprops.mlfs.source.SourceTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the keys of a run's outputs (one key per feature row, per default feature of a row, per
 * gap and its reason, per dead letter and its table) into one map, and turns that map into the
 * run-history breakdown of a BigQuery-sink run, in the same shape as the local run's breakdown.
 */
public final class RunCounts extends com.nbaprops.mlfs.util.KeyCounts {
  private static final long serialVersionUID = 1L;
  // Keys are the Beam metric names, so the breakdown is built as for a local run.
  static final String FEATURE_ROWS = MetricNames.FEATURE_ROWS;
  static final String GAP_ROWS = MetricNames.GAP_ROWS;
  static final String DEAD_LETTERS = MetricNames.DEAD_LETTER_ROWS;

  static String defaults(int featureIndex) {
    return MetricNames.defaults(featureIndex);
  }

  static String gaps(String reason) {
    return MetricNames.gaps(reason);
  }

  static String deadLetters(String table) {
    return MetricNames.deadLetters(table);
  }

  /** The breakdown: every gap reason, feature and source table listed, in contract order. */
  static Map<String, Object> breakdown(Map<String, Long> n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("feature_rows", n.getOrDefault(FEATURE_ROWS, 0L));
    m.put("gap_rows", n.getOrDefault(GAP_ROWS, 0L));
    m.put("gaps_per_reason", RunSummary.gapsPerReason(k -> n.getOrDefault(k, 0L)));
    m.put("defaults_per_feature", RunSummary.defaultsPerFeature(k -> n.getOrDefault(k, 0L)));
    Map<String, Long> dead = new LinkedHashMap<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      dead.put(t.name(), n.getOrDefault(deadLetters(t.name()), 0L));
    }
    m.put("dead_letters_per_table", dead);
    m.put("note", "per-stage timings and rows read per source are the job's Beam metrics "
        + "(namespace mlfs)");
    return m;
  }
}
