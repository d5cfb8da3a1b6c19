package com.nbaprops.mlfs.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
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
 * Keys elements and groups them by key <em>within a bundle</em>, emitting {@code KV<key, Batch<T>>}
 * batches (see {@link Batch}), so that a following {@code GroupByKey}/{@code CoGroupByKey} moves a few lists per key
 * instead of every element (the DirectRunner's shuffle cost is per element; see beam-notes.md).
 * Several batches of one key may be emitted; the shuffle after this brings them together, and
 * {@link #flatten} turns a key's batches back into its elements. Nothing is dropped: a batch is
 * flushed when it reaches {@value #MAX_BATCH} elements and at the end of every bundle. Global
 * window only (batch jobs).
 */
public final class BatchByKey<I, T> extends PTransform<PCollection<I>, PCollection<KV<String,
    Batch<T>>>> {
  static final int MAX_BATCH = 20_000;

  private final SerializableFunction<I, T> convert;
  private final SerializableFunction<T, String> key;
  private final Coder<T> coder;

  private BatchByKey(SerializableFunction<I, T> convert, SerializableFunction<T, String> key,
      Coder<T> coder) {
    this.convert = convert;
    this.key = key;
    this.coder = coder;
  }

  public static <T> BatchByKey<T, T> of(SerializableFunction<T, String> key, Coder<T> coder) {
    return new BatchByKey<>(x -> x, key, coder);
  }

  /** As {@link #of}, batching {@code convert} of each element (one step instead of two). */
  public static <I, T> BatchByKey<I, T> of(SerializableFunction<I, T> convert,
      SerializableFunction<T, String> key, Coder<T> coder) {
    return new BatchByKey<>(convert, key, coder);
  }

  /** The coder of the batches this transform emits. */
  public static <T> Coder<KV<String, Batch<T>>> coder(Coder<T> elementCoder) {
    return KvCoder.of(StringUtf8Coder.of(), Batch.coder(elementCoder));
  }

  @Override
  public PCollection<KV<String, Batch<T>>> expand(PCollection<I> input) {
    return input.apply("Batch", ParDo.of(new BatchFn<>(convert, key, coder)))
        .setCoder(coder(coder));
  }

  /** Every element of every batch, batch by batch. */
  public static <T> List<T> flatten(Iterable<Batch<T>> batches) {
    List<T> out = new ArrayList<>();
    for (Batch<T> b : batches) {
      out.addAll(b.elements());
    }
    return out;
  }

  static final class BatchFn<I, T> extends DoFn<I, KV<String, Batch<T>>> {
    private final SerializableFunction<I, T> convert;
    private final SerializableFunction<T, String> key;
    private final Coder<T> coder;
    private transient Map<String, List<T>> buffer;

    BatchFn(SerializableFunction<I, T> convert, SerializableFunction<T, String> key,
        Coder<T> coder) {
      this.convert = convert;
      this.key = key;
      this.coder = coder;
    }

    @StartBundle
    public void start() {
      buffer = new TreeMap<>();
    }

    @ProcessElement
    public void process(@Element I input, OutputReceiver<KV<String, Batch<T>>> out) {
      T element = convert.apply(input);
      String k = key.apply(element);
      List<T> batch = buffer.computeIfAbsent(k, x -> new ArrayList<>());
      batch.add(element);
      if (batch.size() >= MAX_BATCH) {
        out.output(KV.of(k, Batch.of(batch, coder)));
        buffer.remove(k);
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      for (Map.Entry<String, List<T>> e : buffer.entrySet()) {
        c.output(KV.of(e.getKey(), Batch.of(e.getValue(), coder)),
            Instant.ofEpochMilli(GlobalWindow.TIMESTAMP_MIN_VALUE.getMillis()),
            GlobalWindow.INSTANCE);
      }
      buffer = null;
    }
  }
}
