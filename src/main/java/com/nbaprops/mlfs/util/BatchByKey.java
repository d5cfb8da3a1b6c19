package com.nbaprops.mlfs.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * Groups elements by key <em>within a bundle</em>: emits {@code KV<key, List<T>>} batches, so a
 * following {@code GroupByKey}/{@code CoGroupByKey} moves a few batches per key instead of every
 * element (the DirectRunner's shuffle cost is per element and per key; see beam-notes.md). Several
 * batches of one key may be emitted; the shuffle after this brings them together. Nothing is
 * dropped: a batch is flushed when it reaches {@code maxBatch} elements, when the bundle holds
 * {@code maxBuffered} elements, and at the end of every bundle. Global window only (batch jobs).
 */
public final class BatchByKey<T> extends PTransform<PCollection<T>, PCollection<KV<String,
    List<T>>>> {
  private final SerializableFunction<T, String> key;
  private final Coder<T> coder;
  private final int maxBatch;
  private final int maxBuffered;

  private BatchByKey(SerializableFunction<T, String> key, Coder<T> coder, int maxBatch,
      int maxBuffered) {
    this.key = key;
    this.coder = coder;
    this.maxBatch = maxBatch;
    this.maxBuffered = maxBuffered;
  }

  public static <T> BatchByKey<T> of(SerializableFunction<T, String> key, Coder<T> coder) {
    return new BatchByKey<>(key, coder, 20_000, 500_000);
  }

  public BatchByKey<T> withLimits(int maxBatch, int maxBuffered) {
    return new BatchByKey<>(key, coder, maxBatch, maxBuffered);
  }

  @Override
  public PCollection<KV<String, List<T>>> expand(PCollection<T> input) {
    return input.apply("Batch", ParDo.of(new BatchFn<>(key, maxBatch, maxBuffered)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(coder)));
  }

  static final class BatchFn<T> extends DoFn<T, KV<String, List<T>>> {
    private final SerializableFunction<T, String> key;
    private final int maxBatch;
    private final int maxBuffered;
    private transient Map<String, List<T>> buffer;
    private transient int buffered;

    BatchFn(SerializableFunction<T, String> key, int maxBatch, int maxBuffered) {
      this.key = key;
      this.maxBatch = maxBatch;
      this.maxBuffered = maxBuffered;
    }

    @StartBundle
    public void start() {
      buffer = new HashMap<>();
      buffered = 0;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<String, List<T>>> out) {
      String k = key.apply(element);
      List<T> batch = buffer.computeIfAbsent(k, x -> new ArrayList<>());
      batch.add(element);
      buffered++;
      if (batch.size() >= maxBatch) {
        out.output(KV.of(k, batch));
        buffer.remove(k);
        buffered -= batch.size();
      } else if (buffered >= maxBuffered) {
        buffer.forEach((bk, b) -> out.output(KV.of(bk, b)));
        buffer = new HashMap<>();
        buffered = 0;
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      for (Map.Entry<String, List<T>> e : buffer.entrySet()) {
        c.output(KV.of(e.getKey(), e.getValue()), Instant.ofEpochMilli(
            GlobalWindow.TIMESTAMP_MIN_VALUE.getMillis()), GlobalWindow.INSTANCE);
      }
      buffer = null;
    }
  }
}
