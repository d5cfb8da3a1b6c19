package com.nbaprops.mlfs.metrics;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Per-stage processing time for DoFns whose elements take microseconds: the time is summed over a
 * bundle and reported once per bundle to the {@code stage_ms.<stage>} distribution, so the sum is
 * not lost to a per-element truncation to whole milliseconds. Call {@link #flush()} from
 * {@code @FinishBundle}.
 */
public final class StageTimer implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String stage;
  private transient long nanos;
  private transient boolean timed;

  public StageTimer(String stage) {
    this.stage = stage;
  }

  /** Adds the time since {@code startNanos} (a {@link System#nanoTime()} reading) to the bundle. */
  public void add(long startNanos) {
    nanos += System.nanoTime() - startNanos;
    timed = true;
  }

  /** Reports the bundle's time, rounded to milliseconds, and starts the next bundle at zero. */
  public void flush() {
    if (timed) {
      Metrics.distribution(MetricNames.NAMESPACE, MetricNames.stageMillis(stage))
          .update(Math.round(nanos / 1e6));
      nanos = 0;
      timed = false;
    }
  }
}
