package com.nbaprops.mlfs.metrics;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.features.EntryProcessor;
import com.nbaprops.mlfs.source.SourceTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The end-of-run breakdown read back from the Beam metrics: rows per source, roster balance, gaps
 * per reason, defaults per feature, time per stage. Printed for people, and as JSON into the
 * run-history row's {@code timing_breakdown}.
 */
public final class RunSummary {
  private final Map<String, Long> counters;
  private final Map<String, long[]> distributions;
  private final double wallSeconds;

  public RunSummary(Map<String, Long> counters, Map<String, long[]> distributions,
      double wallSeconds) {
    this.counters = counters;
    this.distributions = distributions;
    this.wallSeconds = wallSeconds;
  }

  /** Sums each {@code mlfs} metric over the steps that report it. */
  public static RunSummary from(PipelineResult result, double wallSeconds) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      if (MetricNames.NAMESPACE.equals(c.getName().getNamespace())) {
        counters.merge(c.getName().getName(), value(c), Long::sum);
      }
    }
    Map<String, long[]> dists = new TreeMap<>();
    for (MetricResult<DistributionResult> d : q.getDistributions()) {
      if (MetricNames.NAMESPACE.equals(d.getName().getNamespace())) {
        DistributionResult v = value(d);
        dists.merge(d.getName().getName(), new long[] {v.getSum(), v.getCount()},
            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
      }
    }
    return new RunSummary(counters, dists, wallSeconds);
  }

  private static <T> T value(MetricResult<T> r) {
    try {
      return r.getCommitted();
    } catch (UnsupportedOperationException e) {
      return r.getAttempted();
    }
  }

  /** Every counter of the namespace, by name. */
  public Map<String, Long> counters() {
    return java.util.Collections.unmodifiableMap(counters);
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public double wallSeconds() {
    return wallSeconds;
  }

  public long rosterEntries() {
    return counter(MetricNames.ROSTER_ENTRIES);
  }

  public long featureRows() {
    return counter(MetricNames.FEATURE_ROWS);
  }

  public long gapRows() {
    return counter(MetricNames.GAP_ROWS);
  }

  public long deadLetters() {
    long n = 0;
    for (SourceTable<?> t : SourceTable.ALL) {
      n += counter(MetricNames.deadLetters(t.name()));
    }
    return n;
  }

  /** Mean time to build and score one roster entry, in microseconds (0 without entries). */
  public double vectorBuildMicrosMean() {
    long[] v = distributions.get(MetricNames.VECTOR_BUILD_US);
    return v == null || v[1] == 0 ? 0 : (double) v[0] / v[1];
  }

  /** Every roster entry became exactly one row or one gap. */
  public boolean balanced() {
    return rosterEntries() == featureRows() + gapRows();
  }

  /** Every gap reason of the contract, in its order, with its count (metric names as keys). */
  public static Map<String, Long> gapsPerReason(Function<String, Long> counter) {
    Map<String, Long> gaps = new LinkedHashMap<>();
    for (String r : EntryProcessor.GAP_REASONS) {
      gaps.put(r, counter.apply(MetricNames.gaps(r)));
    }
    return gaps;
  }

  /** Every feature, as {@code N_name}, with the number of rows where it was a default. */
  public static Map<String, Long> defaultsPerFeature(Function<String, Long> counter) {
    Map<String, Long> defaults = new LinkedHashMap<>();
    for (FeatureContract.Feature f : FeatureContract.features()) {
      defaults.put(f.index() + "_" + f.name(), counter.apply(MetricNames.defaults(f.index())));
    }
    return defaults;
  }

  /** The breakdown as a JSON-ready map (the run-history {@code timing_breakdown}). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wall_seconds", Math.round(wallSeconds * 1000) / 1000.0);
    Map<String, Object> stages = new LinkedHashMap<>();
    distributions.forEach((k, v) -> {
      if (k.startsWith("stage_ms.")) {
        stages.put(k.substring("stage_ms.".length()), v[0] / 1000.0);
      }
    });
    m.put("stage_seconds", stages);
    m.put("vector_build_us_mean", Math.round(vectorBuildMicrosMean() * 10) / 10.0);
    Map<String, Object> sources = new LinkedHashMap<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      Map<String, Long> s = new LinkedHashMap<>();
      s.put("rows_read", counter(MetricNames.rowsRead(t.name())));
      s.put("dead_letters", counter(MetricNames.deadLetters(t.name())));
      s.put("outside_window", counter(MetricNames.outsideWindow(t.name())));
      s.put("duplicate_keys", counter(MetricNames.duplicates(t.name())));
      sources.put(t.name(), s);
    }
    m.put("sources", sources);
    m.put("roster_entries", rosterEntries());
    m.put("feature_rows", featureRows());
    m.put("gap_rows", gapRows());
    m.put("gaps_per_reason", gapsPerReason(this::counter));
    m.put("defaults_per_feature", defaultsPerFeature(this::counter));
    Map<String, Long> fallbacks = new LinkedHashMap<>();
    counters.forEach((k, v) -> {
      if (k.startsWith("fallbacks.")) {
        fallbacks.put(k.substring("fallbacks.".length()), v);
      }
    });
    m.put("as_of_fallbacks", fallbacks);
    m.put("shuffle_batches", counter("batches_emitted"));
    m.put("files_written", counter(MetricNames.FILES_WRITTEN));
    m.put("files_deleted", counter(MetricNames.FILES_DELETED));
    return m;
  }

  /** The human-readable breakdown printed at the end of a run. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nRows read per source%n"));
    sb.append(String.format("  %-32s %10s %8s %9s %9s%n", "table", "rows", "dead", "outside",
        "dup keys"));
    for (SourceTable<?> t : SourceTable.ALL) {
      sb.append(String.format("  %-32s %10d %8d %9d %9d%n", t.name(),
          counter(MetricNames.rowsRead(t.name())), counter(MetricNames.deadLetters(t.name())),
          counter(MetricNames.outsideWindow(t.name())), counter(MetricNames.duplicates(t.name()))));
    }
    sb.append(String.format("%nRoster entries %d = feature rows %d + gaps %d  [%s]%n",
        rosterEntries(), featureRows(), gapRows(), balanced() ? "balanced" : "NOT BALANCED"));
    sb.append(String.format("%nGaps by reason%n"));
    for (String r : EntryProcessor.GAP_REASONS) {
      sb.append(String.format("  %-28s %8d%n", r, counter(MetricNames.gaps(r))));
    }
    sb.append(String.format("%nDefaults per feature (of %d rows)%n", featureRows()));
    for (FeatureContract.Feature f : FeatureContract.features()) {
      long n = counter(MetricNames.defaults(f.index()));
      double pct = featureRows() == 0 ? 0 : 100.0 * n / featureRows();
      sb.append(String.format("  %2d %-26s %8d %6.1f%%%n", f.index(), f.name(), n, pct));
    }
    sb.append(String.format("%nTime per stage (summed DoFn time, seconds)%n"));
    distributions.forEach((k, v) -> {
      if (k.startsWith("stage_ms.")) {
        sb.append(String.format("  %-20s %8.2f%n", k.substring("stage_ms.".length()),
            v[0] / 1000.0));
      }
    });
    sb.append(String.format("  %-20s %8.2f%n", "wall (whole job)", wallSeconds));
    sb.append(String.format("  one vector, built and scored: %.1f us on average%n",
        vectorBuildMicrosMean()));
    return sb.toString();
  }
}
