package com.nbaprops.mlfs.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * Groups elements by key <em>within a bundle</em>: emits {@code KV<key, byte[]>} batches (the
 * list of elements encoded once with the element coder; {@link #unpack} decodes it), so a
 * following {@code GroupByKey}/{@code CoGroupByKey} moves a few batches per key instead of every
 * element (the DirectRunner's shuffle cost is per element and per key; see beam-notes.md). Several
 * batches of one key may be emitted; the shuffle after this brings them together. Batches travel
 * encoded because the DirectRunner clones a key's grouped values once per bundle (encode and
 * decode): cloning bytes is a memory copy, cloning records allocates every field. Nothing is
 * dropped: a batch is flushed when it reaches {@code maxBatch} elements, when the bundle holds
 * {@code maxBuffered} elements, and at the end of every bundle. Global window only (batch jobs).
 */
public final class BatchByKey<T> extends PTransform<PCollection<T>, PCollection<KV<String,
    byte[]>>> {
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
  public PCollection<KV<String, byte[]>> expand(PCollection<T> input) {
    return input.apply("Batch", ParDo.of(new BatchFn<>(key, coder, maxBatch, maxBuffered)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
  }

  /** The elements of a batch, in the order they were batched. */
  public static <T> List<T> unpack(byte[] batch, Coder<T> coder) {
    try {
      return CoderUtils.decodeFromByteArray(ListCoder.of(coder), batch);
    } catch (CoderException e) {
      throw new IllegalStateException("corrupt batch", e);
    }
  }

  /** Every element of every batch. */
  public static <T> List<T> unpackAll(Iterable<byte[]> batches, Coder<T> coder) {
    List<T> out = new ArrayList<>();
    for (byte[] b : batches) {
      out.addAll(unpack(b, coder));
    }
    return out;
  }

  static final class BatchFn<T> extends DoFn<T, KV<String, byte[]>> {
    private final SerializableFunction<T, String> key;
    private final Coder<T> coder;
    private final int maxBatch;
    private final int maxBuffered;
    private final org.apache.beam.sdk.metrics.Counter batches =
        org.apache.beam.sdk.metrics.Metrics.counter("mlfs", "batches_emitted");
    private transient Map<String, List<T>> buffer;
    private transient int buffered;

    BatchFn(SerializableFunction<T, String> key, Coder<T> coder, int maxBatch, int maxBuffered) {
      this.key = key;
      this.coder = coder;
      this.maxBatch = maxBatch;
      this.maxBuffered = maxBuffered;
    }

    @StartBundle
    public void start() {
      buffer = new HashMap<>();
      buffered = 0;
    }

    private KV<String, byte[]> pack(String k, List<T> batch) {
      try {
        return KV.of(k, CoderUtils.encodeToByteArray(ListCoder.of(coder), batch));
      } catch (CoderException e) {
        throw new IllegalStateException("cannot encode a batch of " + k, e);
      }
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<String, byte[]>> out) {
      String k = key.apply(element);
      List<T> batch = buffer.computeIfAbsent(k, x -> new ArrayList<>());
      batch.add(element);
      buffered++;
      if (batch.size() >= maxBatch) {
        out.output(pack(k, batch));
        batches.inc();
        buffer.remove(k);
        buffered -= batch.size();
      } else if (buffered >= maxBuffered) {
        buffer.forEach((bk, b) -> out.output(pack(bk, b)));
        batches.inc(buffer.size());
        buffer = new HashMap<>();
        buffered = 0;
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      batches.inc(buffer.size());
      for (Map.Entry<String, List<T>> e : buffer.entrySet()) {
        c.output(pack(e.getKey(), e.getValue()), Instant.ofEpochMilli(
            GlobalWindow.TIMESTAMP_MIN_VALUE.getMillis()), GlobalWindow.INSTANCE);
      }
      buffer = null;
    }
  }
}
