package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.features.EntryProcessor;
import com.nbaprops.mlfs.metrics.RunSummary;
import com.nbaprops.mlfs.util.Json;
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
  public static Map<String, Object> row(RunConfig config, String status, RunSummary summary,
      Instant startedAt, Instant finishedAt, String error) {
    Map<String, Object> breakdown = summary == null ? new LinkedHashMap<>() : summary.toMap();
    if (error != null) {
      breakdown.put("error", error);
    }
    return row(config, status, summary == null ? null : summary.featureRows(),
        summary == null ? null : summary.gapRows(), summary == null ? null : summary.deadLetters(),
        breakdown, startedAt, finishedAt);
  }

  /** The row from explicit counts (the BigQuery sink computes them inside the pipeline). */
  public static Map<String, Object> row(RunConfig config, String status, Long rows, Long gaps,
      Long deadLetters, Map<String, Object> breakdown, Instant startedAt, Instant finishedAt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("run_id", config.runId());
    r.put("processor_name", EntryProcessor.PROCESSOR);
    r.put("mode", config.mode().name().toLowerCase(Locale.ROOT));
    r.put("start_date", config.start().toString());
    r.put("end_date", config.end().toString());
    r.put("status", status);
    r.put("rows_written", rows);
    r.put("gap_rows", gaps);
    r.put("dead_letter_rows", deadLetters);
    r.put("started_at", startedAt.toString());
    r.put("finished_at", finishedAt.toString());
    r.put("duration_seconds", (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
    r.put("timing_breakdown", Json.write(breakdown));
    return OutputSchema.RUN_HISTORY.ordered(r);
  }

  public static String path(String runId) {
    return OutputSchema.RUN_HISTORY.name() + "/run_id=" + runId + ".ndjson";
  }

  /** Writes the row as {@code processor_run_history/run_id=R.ndjson} under the output folder. */
  public static void writeFile(String outputDir, Map<String, Object> row) throws IOException {
    String runId = (String) row.get("run_id");
    FileOutputs.replace(FileOutputs.path(outputDir, path(runId)), List.of(Json.write(row)), runId);
  }
}
