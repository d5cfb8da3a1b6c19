package com.nbaprops.mlfs.sink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One {@code processor_run_history} row: the run, its outcome and counts, and its breakdown (the
 * {@code timing_breakdown} JSON column).
 */
public record RunRecord(String runId, String mode, LocalDate startDate, LocalDate endDate,
    String status, Long rowsWritten, Long gapRows, Long deadLetterRows, Instant startedAt,
    Instant finishedAt, Map<String, Object> breakdown) {

  public double durationSeconds() {
    return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
  }
}
