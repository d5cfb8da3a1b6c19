package com.nbaprops.mlfs.contract;

import java.time.LocalDate;
import java.util.Map;

/**
 * The season rule and the season-start calendar of the feature contract, used by the pipeline,
 * the sample-league generator and the importer alike.
 */
public final class Seasons {
  /** Fixed regular-season starts of the contract; other seasons come from the box scores. */
  public static final Map<Integer, LocalDate> FIXED_STARTS = Map.of(
      2021, LocalDate.of(2021, 10, 19),
      2022, LocalDate.of(2022, 10, 18),
      2023, LocalDate.of(2023, 10, 24),
      2024, LocalDate.of(2024, 10, 22),
      2025, LocalDate.of(2025, 10, 21));

  /** Days 0 .. BOOTSTRAP_DAYS-1 of a season are its bootstrap period. */
  public static final int BOOTSTRAP_DAYS = 14;

  private Seasons() {}

  /** Season year S of a date: the calendar year from October on, else the year before. */
  public static int seasonOf(LocalDate d) {
    return d.getMonthValue() >= 10 ? d.getYear() : d.getYear() - 1;
  }

  /** The contract's start of season {@code s}, or {@code fallback} when the calendar has none. */
  public static LocalDate startOr(int s, LocalDate fallback) {
    return FIXED_STARTS.getOrDefault(s, fallback);
  }
}
