package com.nbaprops.mlfs.status;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@link StoreStatus} reads: the roster size per date from the roster source, and per date
 * the feature, gap and health rows of the store (NDJSON lines; only the fields status needs are used).
 */
public interface StatusSource {
  /** Roster entries (distinct players) per date of the range that has any. */
  Map<LocalDate, Integer> roster() throws IOException;

  List<String> featureLines(LocalDate date) throws IOException;

  List<String> gapLines(LocalDate date) throws IOException;

  /** The date's feature_store_daily_health rows (none in a store written before that table). */
  List<String> healthLines(LocalDate date) throws IOException;
}
