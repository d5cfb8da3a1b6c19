package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.metrics.RunSummary;
import com.nbaprops.mlfs.source.SourceTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Counts the keys of a run's outputs (one key per feature row, per default feature of a row, per
 * gap and its reason, per dead letter and its table) into one map, and turns that map into the
 * run-history breakdown of a BigQuery-sink run, in the same shape as the local run's breakdown.
 */
public final class RunCounts extends Combine.CombineFn<String, Map<String, Long>, Map<String, Long>> {
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

  @Override
  public Map<String, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Long> addInput(Map<String, Long> acc, String key) {
    acc.merge(key, 1L, Long::sum);
    return acc;
  }

  @Override
  public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accs) {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, Long> a : accs) {
      a.forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }

  @Override
  public Map<String, Long> extractOutput(Map<String, Long> acc) {
    return acc;
  }

  @Override
  public Coder<Map<String, Long>> getAccumulatorCoder(CoderRegistry r, Coder<String> in) {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }

  @Override
  public Coder<Map<String, Long>> getDefaultOutputCoder(CoderRegistry r, Coder<String> in) {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
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
