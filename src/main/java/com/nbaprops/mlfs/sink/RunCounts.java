package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.features.EntryProcessor;
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
  static final String FEATURE_ROWS = "feature_rows";
  static final String GAP_ROWS = "gap_rows";
  static final String DEAD_LETTERS = "dead_letter_rows";

  static String defaults(int featureIndex) {
    FeatureContract.Feature f = FeatureContract.features().get(featureIndex);
    return "defaults." + f.index() + "_" + f.name();
  }

  static String gaps(String reason) {
    return "gaps." + reason;
  }

  static String deadLetters(String table) {
    return "dead_letters." + table;
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
    Map<String, Long> gaps = new LinkedHashMap<>();
    for (String r : EntryProcessor.GAP_REASONS) {
      gaps.put(r, n.getOrDefault(gaps(r), 0L));
    }
    m.put("gaps_per_reason", gaps);
    Map<String, Long> defaults = new LinkedHashMap<>();
    for (FeatureContract.Feature f : FeatureContract.features()) {
      defaults.put(f.index() + "_" + f.name(), n.getOrDefault(defaults(f.index()), 0L));
    }
    m.put("defaults_per_feature", defaults);
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
