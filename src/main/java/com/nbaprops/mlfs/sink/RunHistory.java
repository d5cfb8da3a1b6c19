package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.metrics.RunSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code processor_run_history} row of one run. */
public final class RunHistory {
  private RunHistory() {}

  /** The row of a run that waited: counts and breakdown from its metrics. */
  public static RunRecord row(RunConfig config, String status, RunSummary summary,
      Instant startedAt, Instant finishedAt, String error) {
    Map<String, Object> breakdown = summary == null ? new LinkedHashMap<>() : summary.toMap();
    if (error != null) {
      breakdown.put("error", error);
    }
    return row(config, status, summary == null ? null : summary.featureRows(),
        summary == null ? null : summary.gapRows(), summary == null ? null : summary.deadLetters(),
        breakdown, startedAt, finishedAt);
  }

  /** The row of a local run that finished: its metrics' breakdown plus what protected the output. */
  public static RunRecord row(RunConfig config, String status, RunSummary summary,
      com.nbaprops.mlfs.readiness.SafetyReport safety, Instant startedAt, Instant finishedAt) {
    Map<String, Object> breakdown = summary.toMap();
    breakdown.put("health", new com.nbaprops.mlfs.health.HealthSummary(summary.counters(),
        config.safety().minQualityReadyPct()).toMap());
    breakdown.putAll(safety.toMap());
    return row(config, status, summary.featureRows(), summary.gapRows(), summary.deadLetters(),
        breakdown, startedAt, finishedAt);
  }

  /** The row from explicit counts (the BigQuery sink computes them inside the pipeline). */
  public static RunRecord row(RunConfig config, String status, Long rows, Long gaps,
      Long deadLetters, Map<String, Object> breakdown, Instant startedAt, Instant finishedAt) {
    return new RunRecord(config.runId(), config.mode().name().toLowerCase(Locale.ROOT),
        config.start(), config.end(), status, rows, gaps, deadLetters, startedAt, finishedAt,
        breakdown);
  }

  public static String path(String runId) {
    return OutputSchema.RUN_HISTORY.name() + "/run_id=" + runId + ".ndjson";
  }

  /** Writes the row as {@code processor_run_history/run_id=R.ndjson} under the output folder. */
  public static void writeFile(String outputDir, RunRecord row) throws IOException {
    FileOutputs.replace(FileOutputs.path(outputDir, path(row.runId())),
        List.of(OutputSchema.RUN_HISTORY.toJson(row, null)), row.runId());
  }
}
