package com.nbaprops.mlfs.util;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts the string keys of each element (key → occurrences) within a bundle and emits one map
 * per bundle; {@link KeyCounts.Merge} adds the maps up. Instead of an element per key through a
 * {@code Combine} (on the DirectRunner every element of every step is bookkept: the readiness
 * census was ~900,000 of them on 3.25 seasons), a step emits a few maps. Global window only
 * (batch jobs), as {@link BatchByKey}.
 */
public final class CountKeys<T> extends PTransform<PCollection<T>, PCollection<Map<String, Long>>> {
  private final SerializableFunction<T, List<String>> keys;

  private CountKeys(SerializableFunction<T, List<String>> keys) {
    this.keys = keys;
  }

  /** Counts {@code keys} of every element. */
  public static <T> CountKeys<T> of(SerializableFunction<T, List<String>> keys) {
    return new CountKeys<>(keys);
  }

  @Override
  public PCollection<Map<String, Long>> expand(PCollection<T> input) {
    return input.apply("CountInBundle", ParDo.of(new CountFn<>(keys)))
        .setCoder(MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  static final class CountFn<T> extends DoFn<T, Map<String, Long>> {
    private final SerializableFunction<T, List<String>> keys;
    private transient Map<String, Long> counts;

    CountFn(SerializableFunction<T, List<String>> keys) {
      this.keys = keys;
    }

    @StartBundle
    public void start() {
      counts = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element T element) {
      for (String k : keys.apply(element)) {
        counts.merge(k, 1L, Long::sum);
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      if (!counts.isEmpty()) {
        c.output(counts, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      counts = null;
    }
  }
}
