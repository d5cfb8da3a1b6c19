package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code pipeline_dead_letters} row of a bad source row. */
public final class DeadLetters {
  private DeadLetters() {}

  public static Map<String, Object> toRow(DeadLetter d, RunStamp stamp) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("source_table", d.sourceTable());
    row.put("raw_row", d.rawRow());
    row.put("error", d.error());
    row.put("run_id", stamp.runId());
    row.put("detected_at", stamp.createdAt());
    return OutputSchema.DEAD_LETTERS.ordered(row);
  }

  public static String toJson(DeadLetter d, RunStamp stamp) {
    return Json.write(toRow(d, stamp));
  }
}
