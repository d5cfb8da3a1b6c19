package com.nbaprops.mlfs.compare;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One side of a comparison, read a date at a time (a partitioned output folder opens only the
 * files of the date asked for, so a whole store is never in memory at once): its dates, its feature
 * rows per date by player and, when it has a gap table, its open gaps per date (player → reason).
 */
public interface StoreSide {
  String location();

  /** Dates that have feature rows or gaps, ascending. */
  SortedSet<LocalDate> dates() throws IOException;

  SortedMap<String, StoreRow> rows(LocalDate date) throws IOException;

  boolean hasGaps();

  /** Open gaps of the date by player (empty without any); only when {@link #hasGaps()}. */
  SortedMap<String, String> gaps(LocalDate date) throws IOException;
}
