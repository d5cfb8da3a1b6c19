package com.nbaprops.mlfs.util;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/** Counts string keys into one map (key → occurrences); the map of an empty input is empty. */
public class KeyCounts extends Combine.CombineFn<String, Map<String, Long>, Map<String, Long>> {
  private static final long serialVersionUID = 1L;

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

  /** Adds up count maps ({@link CountKeys}' per-bundle maps); the sum of no maps is empty. */
  public static final class Merge
      extends Combine.CombineFn<Map<String, Long>, Map<String, Long>, Map<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<String, Long> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> acc, Map<String, Long> counts) {
      counts.forEach((k, v) -> acc.merge(k, v, Long::sum));
      return acc;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accs) {
      Map<String, Long> out = new HashMap<>();
      for (Map<String, Long> a : accs) {
        addInput(out, a);
      }
      return out;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> acc) {
      return acc;
    }

    @Override
    public Coder<Map<String, Long>> getAccumulatorCoder(CoderRegistry r,
        Coder<Map<String, Long>> in) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }

    @Override
    public Coder<Map<String, Long>> getDefaultOutputCoder(CoderRegistry r,
        Coder<Map<String, Long>> in) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }
  }
}
