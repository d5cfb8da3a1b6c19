package com.nbaprops.mlfs.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * One progress line of a running job, from its live counters: the stage it is in, the source rows
 * read, the roster entries built and the dates written so far.
 */
public final class Progress {
  private Progress() {}

  /** The counters of the namespace as attempted so far (live on the DirectRunner). */
  public static Map<String, Long> liveCounters(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> c : q.getCounters()) {
      if (MetricNames.NAMESPACE.equals(c.getName().getNamespace()) && c.getAttempted() != null) {
        counters.merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    }
    return counters;
  }

  /**
   * The line for counters {@code counters} after {@code seconds}: the stage is "writing" once a date is written, "building" once roster entries are built, else
   * "reading".
   */
  public static String line(long seconds, Map<String, Long> counters) {
    long read = 0;
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      if (e.getKey().startsWith(MetricNames.rowsRead(""))) {
        read += e.getValue();
      }
    }
    long entries = counters.getOrDefault(MetricNames.ROSTER_ENTRIES, 0L);
    long written = counters.getOrDefault(MetricNames.DATES_WRITTEN, 0L);
    String stage = written > 0 ? "writing" : entries > 0 ? "building" : "reading";
    return String.format(java.util.Locale.ROOT,
        "  [%d:%02d] %-8s rows read %,d   entries built %,d   dates written %,d",
        seconds / 60, seconds % 60, stage, read, entries, written);
  }
}
