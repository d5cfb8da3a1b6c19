package com.nbaprops.mlfs.history;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The contract's as-of lookup over one table's date-sorted, de-duplicated rows (a player's cache,
 * composite and shot-zone rows; a team's defense rows): the latest row dated within [D − k, D].
 * A binary search, never a scan.
 */
public final class AsOf<T> {
  private final List<T> rows;
  private final long[] days;

  public AsOf(List<T> sortedRows, Function<T, LocalDate> date) {
    this.rows = sortedRows;
    this.days = new long[sortedRows.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = date.apply(sortedRows.get(i)).toEpochDay();
    }
  }

  /** The latest row dated within [d − k, d], or null. */
  public T at(LocalDate d, int k) {
    long day = d.toEpochDay();
    int idx = PlayerSweep.lowerBound(days, day + 1) - 1;
    return idx >= 0 && days[idx] >= day - k ? rows.get(idx) : null;
  }
}
